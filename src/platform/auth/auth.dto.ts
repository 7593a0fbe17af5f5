import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(100).meta({ example: 'manager' }),
  password: z.string().min(1).max(200).meta({ example: 'demo-manager' }),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200).meta({ example: 'demo-manager' }),
  newPassword: z.string().min(8, 'must be at least 8 characters').max(200).meta({ example: 'change-me-2026' }),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const signedInExample = {
  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…',
  tokenType: 'Bearer',
  expiresIn: 28800,
  user: {
    id: '6f1c0d9e-1b7a-4c55-9c1e-0a4f3e2b7d10',
    username: 'manager',
    displayName: '王经理',
    role: 'manager',
    shopId: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
    agentId: null,
  },
};
