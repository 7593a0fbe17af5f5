import loadHighs, { type Highs, type HighsCallbackMap } from 'highs';

/** One column of a sparse model; coefficients default to 1 (cover matrices are 0/1). */
export interface LinearColumn {
  cost: number;
  lower: number;
  upper: number;
  integer?: boolean;
  rows: readonly number[];
  coefficients?: readonly number[];
}

export interface LinearModel {
  columns: readonly LinearColumn[];
  rowLower: readonly number[];
  rowUpper: readonly number[];
}

export interface LinearSolveOptions {
  timeLimitSeconds: number;
  relativeGap?: number;
  /** A feasible (or partial) MIP start, one value per column. */
  start?: readonly number[];
  /** Solve the LP relaxation even if some columns are integer. */
  relaxIntegrality?: boolean;
  seed?: number;
  onIncumbent?: (objective: number, values: Float64Array) => void;
  shouldStop?: () => boolean;
}

export type LinearSolveStatus = 'optimal' | 'time-limit' | 'interrupted' | 'infeasible' | 'failed';

export interface LinearSolveOutcome {
  status: LinearSolveStatus;
  values: Float64Array | null;
  objective: number | null;
  /** Proven lower bound (minimisation): the LP optimum, or the MIP's dual bound. */
  dualBound: number | null;
}

let runtime: Promise<Highs> | null = null;

/** The Wasm solver is loaded once per process; every model gets its own native instance. */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** Solves a minimisation; blocks the thread (callers run it in a worker when that matters). */
export function solveLinearModel(highs: Highs, model: LinearModel, options: LinearSolveOptions): LinearSolveOutcome {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const column of model.columns) {
    column.rows.forEach((row, k) => {
      indices.push(row);
      values.push(column.coefficients?.[k] ?? 1);
    });
    starts.push(indices.length);
  }
  const isMip = !options.relaxIntegrality && model.columns.some((c) => c.integer);
  const handle = highs.createModel({
    numCols: model.columns.length,
    numRows: model.rowLower.length,
    colCost: model.columns.map((c) => c.cost),
    colLower: model.columns.map((c) => c.lower),
    colUpper: model.columns.map((c) => c.upper),
    rowLower: [...model.rowLower],
    rowUpper: [...model.rowUpper],
    matrix: {
      format: 'csc',
      numRows: model.rowLower.length,
      numCols: model.columns.length,
      starts,
      indices,
      values,
    },
    integrality: isMip ? model.columns.map((c) => (c.integer ? 1 : 0)) : undefined,
  });
  try {
    handle.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, options.timeLimitSeconds),
      mip_rel_gap: options.relativeGap ?? 1e-4,
      random_seed: options.seed ?? 0,
    });
    if (isMip && options.start) handle.setSolution({ colValue: [...options.start] });
    const result = handle.run(isMip ? mipCallbacks(highs, options) : undefined);
    return readOutcome(highs, handle, result.modelStatus, isMip);
  } finally {
    handle.dispose();
  }
}

function mipCallbacks(highs: Highs, options: LinearSolveOptions): HighsCallbackMap {
  const kinds = highs.constants.callbackType;
  return {
    [kinds.mipImprovingSolution]: (event) => {
      const solution = event.data.mip_solution;
      const objective = event.data.objective_function_value;
      if (solution && objective !== undefined) options.onIncumbent?.(objective, solution);
      return undefined;
    },
    [kinds.mipInterrupt]: (event) => {
      if (options.shouldStop?.()) event.interrupt();
      return undefined;
    },
  };
}

function readOutcome(
  highs: Highs,
  handle: ReturnType<Highs['createModel']>,
  modelStatus: number,
  isMip: boolean,
): LinearSolveOutcome {
  const codes = highs.constants.modelStatus;
  const status: LinearSolveStatus =
    modelStatus === codes.optimal
      ? 'optimal'
      : modelStatus === codes.timeLimit
        ? 'time-limit'
        : modelStatus === codes.interrupted
          ? 'interrupted'
          : modelStatus === codes.infeasible
            ? 'infeasible'
            : 'failed';
  const hasPrimal = Number(handle.info.get('primal_solution_status')) === 2;
  const values = hasPrimal ? handle.getSolution().colValue : null;
  const objective = hasPrimal ? handle.getObjectiveValue() : null;
  let dualBound: number | null = null;
  if (isMip) {
    const bound = Number(handle.info.get('mip_dual_bound'));
    dualBound = Number.isFinite(bound) ? bound : null;
  } else if (status === 'optimal') {
    dualBound = objective;
  }
  return { status, values, objective, dualBound };
}
