import { Injectable, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { defineJob } from './job-definition';
import { JobHandler } from './job-handler.decorator';
import { JobRegistry } from './job-registry';

const handled = defineJob({ name: 'spec.handled', description: 'has a handler', attempts: 1, backoffMs: 1 });

@Injectable()
class FirstOwner {
  @JobHandler(handled)
  async run() {
    return { ok: true };
  }
}

@Injectable()
class SecondOwner {
  @JobHandler(handled)
  async alsoRun() {
    return { ok: false };
  }
}

const boot = (...providers: Type<unknown>[]) =>
  Test.createTestingModule({ imports: [DiscoveryModule], providers: [JobRegistry, ...providers] })
    .compile()
    .then((m) => m.init());

describe('JobRegistry', () => {
  it('finds the one handler of each defined job', async () => {
    const app = await boot(FirstOwner);
    const registry = app.get(JobRegistry);
    expect(registry.names()).toEqual(['spec.handled']);
    await expect(registry.handler('spec.handled').run({ shopId: 's' }, {} as never)).resolves.toEqual({ ok: true });
    await app.close();
  });

  it('refuses to boot with two handlers for one job', async () => {
    await expect(boot(FirstOwner, SecondOwner)).rejects.toThrow(
      'Job spec.handled has two handlers: FirstOwner.run and SecondOwner.alsoRun',
    );
  });

  it('refuses to boot when a defined job has no handler', async () => {
    defineJob({ name: 'spec.orphan', description: 'nobody handles it', attempts: 1, backoffMs: 1 });
    await expect(boot(FirstOwner)).rejects.toThrow('No handler for job(s): spec.orphan');
  });

  it('refuses malformed and duplicate definitions', () => {
    expect(() => defineJob({ name: 'NoDomain', description: '', attempts: 1, backoffMs: 1 })).toThrow(
      /<domain>\.<action>/,
    );
    expect(() => defineJob({ name: 'spec.handled', description: '', attempts: 1, backoffMs: 1 })).toThrow(
      'defined twice',
    );
    expect(() => defineJob({ name: 'spec.none', description: '', attempts: 0, backoffMs: 1 })).toThrow(
      'at least one attempt',
    );
  });
});
