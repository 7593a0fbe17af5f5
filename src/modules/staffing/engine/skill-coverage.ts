/**
 * Multi-skill coverage: per slot, can the agents available then cover every skill's requirement,
 * each agent on one skill at a time? A bipartite b-matching (skills with demands ↔ agents), solved
 * by augmenting paths. When it cannot, the skills still reachable from an uncovered one by
 * alternating paths form the exact bottleneck (Hall's condition): together they need more agents
 * than hold any of their skills, which is what "not enough agents with skill X" means precisely.
 */

export interface SkillRequirement {
  skill: string;
  slot: number;
  /** Agents needed on this skill in this slot. */
  agents: number;
}

export interface SkilledAgent {
  id: string;
  skills: readonly string[];
  /** Slots the agent can work (on shift); absent → every slot. */
  slots?: readonly number[];
}

/** A set of skills that together need more agents than hold any of them. */
export interface SkillShortfall {
  skills: string[];
  required: number;
  /** Available agents holding at least one of `skills`. */
  qualifiedAgents: number;
  missing: number;
}

export interface SlotCoverage {
  slot: number;
  required: number;
  /** Requirement that can be covered at once (maximum matching). */
  covered: number;
  feasible: boolean;
  shortfalls: SkillShortfall[];
  /** One covering assignment: agent id → skill (agents left out are spare). */
  assignment: Record<string, string>;
}

export interface SkillCoverage {
  /** Which agents may cover each skill's requirement (ignoring availability). */
  eligibleAgents: Record<string, string[]>;
  slots: SlotCoverage[];
}

export function skillCoverage(requirements: readonly SkillRequirement[], agents: readonly SkilledAgent[]): SkillCoverage {
  const eligibleAgents: Record<string, string[]> = {};
  for (const { skill } of requirements) eligibleAgents[skill] ??= [];
  for (const agent of agents) for (const skill of agent.skills) eligibleAgents[skill]?.push(agent.id);

  const bySlot = new Map<number, Map<string, number>>();
  for (const { skill, slot, agents: needed } of requirements) {
    if (!(Number.isInteger(needed) && needed >= 0)) throw new RangeError(`requirement for ${skill} in slot ${slot} must be a whole number ≥ 0, got ${needed}`);
    const demands = bySlot.get(slot) ?? new Map<string, number>();
    demands.set(skill, (demands.get(skill) ?? 0) + needed);
    bySlot.set(slot, demands);
  }
  const onShift = agents.map((agent) => (agent.slots === undefined ? null : new Set(agent.slots)));
  const slots = [...bySlot.keys()].sort((a, b) => a - b).map((slot) => {
    const available = agents.filter((_, i) => onShift[i]?.has(slot) ?? true);
    return coverSlot(slot, bySlot.get(slot) as Map<string, number>, available);
  });
  return { eligibleAgents, slots };
}

function coverSlot(slot: number, demands: Map<string, number>, available: readonly SkilledAgent[]): SlotCoverage {
  const skills = [...demands.keys()].filter((skill) => (demands.get(skill) as number) > 0);
  const skillIndex = new Map(skills.map((skill, i) => [skill, i]));
  const demand = skills.map((skill) => demands.get(skill) as number);
  // agentsOf[s]: indices of available agents holding skill s.
  const agentsOf: number[][] = skills.map(() => []);
  available.forEach((agent, a) => {
    for (const skill of agent.skills) {
      const s = skillIndex.get(skill);
      if (s !== undefined) agentsOf[s].push(a);
    }
  });
  const assignedTo = new Array<number>(available.length).fill(-1);
  const covered = demand.map(() => 0);
  for (let s = 0; s < skills.length; s++) {
    while (covered[s] < demand[s] && augment(s, agentsOf, assignedTo)) covered[s]++;
  }

  const shortfalls = bottlenecks(skills, demand, covered, agentsOf, assignedTo);
  const assignment: Record<string, string> = {};
  assignedTo.forEach((s, a) => {
    if (s >= 0) assignment[available[a].id] = skills[s];
  });
  const required = demand.reduce((sum, d) => sum + d, 0);
  const coveredTotal = covered.reduce((sum, c) => sum + c, 0);
  return { slot, required, covered: coveredTotal, feasible: coveredTotal === required, shortfalls, assignment };
}

/** Breadth-first search for an alternating path from skill `start` to a free agent; applies it if found. */
function augment(start: number, agentsOf: number[][], assignedTo: number[]): boolean {
  const cameFrom = new Map<number, number>(); // agent → skill it was reached from
  const reachedVia = new Map<number, number>([[start, -1]]); // skill → agent whose move frees a place in it
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const skill = queue[head];
    for (const agent of agentsOf[skill]) {
      if (cameFrom.has(agent)) continue;
      cameFrom.set(agent, skill);
      const holder = assignedTo[agent];
      if (holder === -1) {
        // Walk back: each agent on the path moves to the skill it was reached from.
        let moving = agent;
        while (moving !== -1) {
          const target = cameFrom.get(moving) as number;
          assignedTo[moving] = target;
          moving = reachedVia.get(target) as number;
        }
        return true;
      }
      if (holder !== skill && !reachedVia.has(holder)) {
        reachedVia.set(holder, agent);
        queue.push(holder);
      }
    }
  }
  return false;
}

/**
 * The bottleneck skill sets: from each uncovered skill, the skills reachable by alternating paths
 * (overlapping sets merged). After a maximum matching every agent holding one of them is busy on
 * one of them, so required − qualified agents is exactly what is missing there.
 */
function bottlenecks(skills: string[], demand: number[], covered: number[], agentsOf: number[][], assignedTo: number[]): SkillShortfall[] {
  let groups: Set<number>[] = [];
  for (let s = 0; s < skills.length; s++) {
    if (covered[s] >= demand[s] || groups.some((group) => group.has(s))) continue;
    const reach = alternatingReach(s, agentsOf, assignedTo);
    const overlapping = groups.filter((group) => [...group].some((r) => reach.has(r)));
    for (const group of overlapping) group.forEach((r) => reach.add(r));
    groups = [...groups.filter((group) => !overlapping.includes(group)), reach];
  }
  return groups.map((group) => {
    const members = [...group];
    const required = members.reduce((sum, r) => sum + demand[r], 0);
    const qualifiedAgents = new Set(members.flatMap((r) => agentsOf[r])).size;
    return { skills: members.map((r) => skills[r]).sort(), required, qualifiedAgents, missing: required - qualifiedAgents };
  });
}

/** Skills reachable from `start` by alternating paths (skill → agent holding it → the skill that agent covers). */
function alternatingReach(start: number, agentsOf: number[][], assignedTo: number[]): Set<number> {
  const seenSkills = new Set([start]);
  const seenAgents = new Set<number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const agent of agentsOf[queue[head]]) {
      if (seenAgents.has(agent)) continue;
      seenAgents.add(agent);
      const holder = assignedTo[agent];
      if (holder >= 0 && !seenSkills.has(holder)) {
        seenSkills.add(holder);
        queue.push(holder);
      }
    }
  }
  return seenSkills;
}
