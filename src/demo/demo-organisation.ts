import { seededRandom } from 'src/platform/random/seeded-random';

/**
 * The demo organisation, generated deterministically: the same every time, so the embedded first
 * start, `npm run seed:demo` and the tests all see the same shop.
 */
export type DemoAgent = {
  employeeNo: string;
  name: string;
  team: string;
  roleGroup: 'pre_sales' | 'after_sales' | 'mixed';
  isSupervisor: boolean;
  hireDate: string;
  employmentType: 'full_time' | 'part_time' | 'temporary';
  minWeekMinutes: number;
  maxWeekMinutes: number;
  maxDaysPerWeek: number;
  minRestHours: number;
  skills: { skill: string; proficiency: number }[];
};

export type DemoLogin = {
  username: string;
  password: string;
  role: string;
  displayName: string;
  agentEmployeeNo?: string;
};

export type DemoQueue = {
  code: string;
  name: string;
  channel: 'chat' | 'phone' | 'email' | 'review';
  kind: 'realtime' | 'deferred';
  chatConcurrency: number;
  defaultHandleSeconds: number;
  serviceLevelPercent: number;
  serviceLevelSeconds: number;
  deadlineMinutes: number | null;
  patienceSeconds: number | null;
  requiredSkill: string;
};

export type DemoOrganisation = {
  shop: { code: string; name: string; timeZone: string; slotMinutes: 30; currency: string; language: 'zh' };
  skills: { code: string; name: string }[];
  teams: { name: string; roleGroup: DemoAgent['roleGroup']; skills: string[] }[];
  agents: DemoAgent[];
  queues: DemoQueue[];
  logins: DemoLogin[];
};

export const DEMO_QUEUES: DemoQueue[] = [
  {
    code: 'presales_chat',
    name: '售前咨询',
    channel: 'chat',
    kind: 'realtime',
    chatConcurrency: 4,
    defaultHandleSeconds: 420,
    serviceLevelPercent: 80,
    serviceLevelSeconds: 30,
    deadlineMinutes: null,
    patienceSeconds: 180,
    requiredSkill: 'pre_sales',
  },
  {
    code: 'aftersales_chat',
    name: '售后服务',
    channel: 'chat',
    kind: 'realtime',
    chatConcurrency: 3,
    defaultHandleSeconds: 600,
    serviceLevelPercent: 80,
    serviceLevelSeconds: 30,
    deadlineMinutes: null,
    patienceSeconds: 240,
    requiredSkill: 'after_sales',
  },
  {
    code: 'hotline',
    name: '客服热线',
    channel: 'phone',
    kind: 'realtime',
    chatConcurrency: 1,
    defaultHandleSeconds: 240,
    serviceLevelPercent: 80,
    serviceLevelSeconds: 20,
    deadlineMinutes: null,
    patienceSeconds: 90,
    requiredSkill: 'phone',
  },
  {
    code: 'reviews',
    name: '评价回复',
    channel: 'review',
    kind: 'deferred',
    chatConcurrency: 1,
    defaultHandleSeconds: 180,
    serviceLevelPercent: 100,
    serviceLevelSeconds: 0,
    deadlineMinutes: 24 * 60,
    patienceSeconds: null,
    requiredSkill: 'after_sales',
  },
  {
    code: 'crossborder_chat',
    name: 'Cross-border chat',
    channel: 'chat',
    kind: 'realtime',
    chatConcurrency: 3,
    defaultHandleSeconds: 540,
    serviceLevelPercent: 80,
    serviceLevelSeconds: 60,
    deadlineMinutes: null,
    patienceSeconds: 300,
    requiredSkill: 'english',
  },
];

const FAMILY = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '娜',
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '婷',
  '雪',
  '欣怡',
  '子涵',
];

const TEAMS: DemoOrganisation['teams'] = [
  { name: '售前一组', roleGroup: 'pre_sales', skills: ['pre_sales'] },
  { name: '售前二组', roleGroup: 'pre_sales', skills: ['pre_sales', 'phone'] },
  { name: '售后组', roleGroup: 'after_sales', skills: ['after_sales', 'phone'] },
  { name: '综合跨境组', roleGroup: 'mixed', skills: ['pre_sales', 'after_sales', 'english'] },
];

export function demoOrganisation(agentsPerTeam = 15, seed = 20261122): DemoOrganisation {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const agents: DemoAgent[] = [];
  TEAMS.forEach((team, t) => {
    for (let i = 0; i < agentsPerTeam; i++) {
      const n = t * agentsPerTeam + i + 1;
      const kind = i === 0 ? 'full_time' : random() < 0.75 ? 'full_time' : random() < 0.7 ? 'part_time' : 'temporary';
      const partTime = kind === 'part_time';
      const skills = team.skills.map((skill, k) => ({
        skill,
        proficiency: k === 0 ? 3 + Math.floor(random() * 3) : 1 + Math.floor(random() * 4),
      }));
      if (team.roleGroup !== 'mixed' && random() < 0.15)
        skills.push({ skill: 'english', proficiency: 1 + Math.floor(random() * 3) });
      agents.push({
        employeeNo: `CS${String(n).padStart(4, '0')}`,
        name: pick(FAMILY) + pick(GIVEN),
        team: team.name,
        roleGroup: team.roleGroup,
        isSupervisor: i === 0,
        hireDate: `${2021 + Math.floor(random() * 5)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`,
        employmentType: kind,
        minWeekMinutes: partTime ? 960 : kind === 'temporary' ? 1440 : 2400,
        maxWeekMinutes: partTime ? 1440 : 2880,
        maxDaysPerWeek: partTime ? 4 : 5,
        minRestHours: 11,
        skills,
      });
    }
  });
  const supervisor = agents.find((a) => a.isSupervisor)!;
  const agent = agents.find((a) => a.team === TEAMS[0].name && !a.isSupervisor)!;
  const login = (role: string, displayName: string, agentEmployeeNo?: string): DemoLogin => ({
    username: role,
    password: `demo-${role}`,
    role,
    displayName,
    agentEmployeeNo,
  });
  return {
    shop: {
      code: 'demo',
      name: '示例旗舰店',
      timeZone: 'Asia/Shanghai',
      slotMinutes: 30,
      currency: 'CNY',
      language: 'zh',
    },
    skills: [
      { code: 'pre_sales', name: '售前咨询' },
      { code: 'after_sales', name: '售后服务' },
      { code: 'phone', name: '电话' },
      { code: 'english', name: 'English (cross-border)' },
    ],
    teams: TEAMS,
    agents,
    queues: DEMO_QUEUES,
    logins: [
      login('admin', '系统管理员'),
      login('manager', '客服经理'),
      login('supervisor', supervisor.name, supervisor.employeeNo),
      login('hr', '人资专员'),
      login('trainer', '培训师'),
      login('qc', '质检专员'),
      login('agent', agent.name, agent.employeeNo),
    ],
  };
}
