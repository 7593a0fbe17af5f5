import loadHighs, { type Highs, type HighsCallbackMap } from 'highs';

/** A minimisation model built row by row (constraints come naturally as rows here). */
export class LinearProgram {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: boolean[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowStarts: number[] = [0];
  readonly rowColumns: number[] = [];
  readonly rowValues: number[] = [];
  offset = 0;

  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer);
    return this.cost.length - 1;
  }

  /** Adds lower ≤ Σ coefficient·column ≤ upper; repeated columns are merged. */
  addRow(lower: number, upper: number, columns: number[], coefficients?: number[]): void {
    const merged = new Map<number, number>();
    columns.forEach((c, k) => merged.set(c, (merged.get(c) ?? 0) + (coefficients?.[k] ?? 1)));
    for (const [column, value] of merged) {
      if (value === 0) continue;
      this.rowColumns.push(column);
      this.rowValues.push(value);
    }
    this.rowStarts.push(this.rowColumns.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  get columnCount(): number {
    return this.cost.length;
  }

  /** A model described column by column (cover models come that way): transposed into rows. */
  static fromColumns(
    columns: readonly LinearColumn[],
    rowLower: readonly number[],
    rowUpper: readonly number[],
  ): LinearProgram {
    const lp = new LinearProgram();
    const rows: { columns: number[]; coefficients: number[] }[] = rowLower.map(() => ({
      columns: [],
      coefficients: [],
    }));
    for (const column of columns) {
      const j = lp.addColumn(column.cost, column.lower, column.upper, column.integer ?? false);
      column.rows.forEach((row, k) => {
        rows[row].columns.push(j);
        rows[row].coefficients.push(column.coefficients?.[k] ?? 1);
      });
    }
    rows.forEach((row, i) => lp.addRow(rowLower[i], rowUpper[i], row.columns, row.coefficients));
    return lp;
  }
}

/** One column of a model described column-wise; coefficients default to 1 (cover matrices are 0/1). */
export interface LinearColumn {
  cost: number;
  lower: number;
  upper: number;
  integer?: boolean;
  rows: readonly number[];
  coefficients?: readonly number[];
}

export interface LinearSolveOptions {
  timeLimitSeconds: number;
  relativeGap?: number;
  /** Branch-and-bound node limit: keeps a solve deterministic when time is not the limit. */
  maxNodes?: number;
  /** Solve the LP relaxation. */
  relax?: boolean;
  /** A feasible start, one value per column. */
  start?: ArrayLike<number>;
  shouldStop?: () => boolean;
  /** HiGHS' random seed (default 0): the same seed gives the same search. */
  seed?: number;
  /** Each improving MIP solution as HiGHS finds it. */
  onIncumbent?: (objective: number, values: Float64Array) => void;
  /** HiGHS' proven MIP bound, as the search reads it (each time it polls `shouldStop`). */
  onBound?: (bound: number) => void;
  /** HiGHS' MIP heuristic effort (default its own, 0.05); 0 when only the bound matters. */
  heuristicEffort?: number;
}

export interface LinearSolveOutcome {
  status: 'optimal' | 'limit' | 'infeasible' | 'failed';
  values: Float64Array | null;
  objective: number | null;
  /** Proven lower bound on the objective (offset included), when known. */
  bound: number | null;
  /** Row duals of an LP optimum (reduced cost of column j = cost_j − Σ_i a_ij·dual_i). */
  duals: Float64Array | null;
}

let runtime: Promise<Highs> | null = null;

/** The WebAssembly solver is loaded once per thread. */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** Solves synchronously (HiGHS blocks the thread; run the engine in a worker when that matters). */
export function solveLinearProgram(highs: Highs, lp: LinearProgram, options: LinearSolveOptions): LinearSolveOutcome {
  const isMip = !options.relax && lp.integer.some(Boolean);
  const model = highs.createModel({
    numCols: lp.columnCount,
    numRows: lp.rowLower.length,
    offset: lp.offset,
    colCost: lp.cost,
    colLower: lp.lower,
    colUpper: lp.upper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: {
      format: 'csr',
      numRows: lp.rowLower.length,
      numCols: lp.columnCount,
      starts: lp.rowStarts,
      indices: lp.rowColumns,
      values: lp.rowValues,
    },
    integrality: isMip ? lp.integer.map((i) => (i ? 1 : 0)) : undefined,
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, options.timeLimitSeconds),
      mip_rel_gap: options.relativeGap ?? 1e-6,
      random_seed: options.seed ?? 0,
      ...(options.maxNodes !== undefined ? { mip_max_nodes: options.maxNodes } : {}),
      ...(options.heuristicEffort !== undefined ? { mip_heuristic_effort: options.heuristicEffort } : {}),
    });
    if (isMip && options.start) model.setSolution({ colValue: Array.from(options.start) });
    const callbacks: HighsCallbackMap | undefined = isMip
      ? options.shouldStop || options.onIncumbent || options.onBound
        ? mipCallbacks(highs, options)
        : undefined
      : options.shouldStop && lpCallbacks(highs, options.shouldStop);
    const result = model.run(callbacks);
    const codes = highs.constants.modelStatus;
    const status =
      result.modelStatus === codes.optimal
        ? 'optimal'
        : result.modelStatus === codes.infeasible
          ? 'infeasible'
          : 'limit';
    const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
    const solution = hasPrimal ? model.getSolution() : null;
    const values = solution ? Float64Array.from(solution.colValue) : null;
    const duals = solution && !isMip && status === 'optimal' ? Float64Array.from(solution.rowDual) : null;
    const objective = hasPrimal ? model.getObjectiveValue() : null;
    let bound: number | null = null;
    if (isMip) {
      const b = Number(model.info.get('mip_dual_bound'));
      bound = Number.isFinite(b) ? b : null;
    } else if (status === 'optimal') bound = objective;
    return { status: values || status === 'infeasible' ? status : 'failed', values, objective, bound, duals };
  } finally {
    model.dispose();
  }
}

/**
 * An LP stops at the solve's own clock too: HiGHS' time limit reads the machine's clock from the
 * start of the LP only, and a large LP (a year of 150 agents' cover) ran seconds past the deadline.
 */
function lpCallbacks(highs: Highs, shouldStop: () => boolean): HighsCallbackMap {
  const kinds = highs.constants.callbackType;
  const poll = (event: { interrupt(): void }) => {
    if (shouldStop()) event.interrupt();
    return undefined;
  };
  return { [kinds.simplexInterrupt]: poll, [kinds.ipmInterrupt]: poll };
}

function mipCallbacks(highs: Highs, options: LinearSolveOptions): HighsCallbackMap {
  const kinds = highs.constants.callbackType;
  return {
    [kinds.mipImprovingSolution]: (event) => {
      const solution = event.data.mip_solution;
      const objective = event.data.objective_function_value;
      if (solution && objective !== undefined) options.onIncumbent?.(objective, Float64Array.from(solution));
      return undefined;
    },
    [kinds.mipInterrupt]: (event) => {
      const bound = event.data.mip_dual_bound;
      if (options.onBound && bound !== undefined && Number.isFinite(bound)) options.onBound(bound);
      if (options.shouldStop?.()) event.interrupt();
      return undefined;
    },
  };
}
