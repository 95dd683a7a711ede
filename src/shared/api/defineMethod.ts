/** How a contract method is declared: its input schema, with its result type carried as a type only. */
import type { z } from 'zod';

/** A contract method: the zod schema its input must pass and, as a phantom type, what it returns. */
export interface MethodSpec<Input extends z.ZodType, Result> {
  readonly input: Input;
  /** Never set at run time; it only carries the result type. */
  readonly result?: Result;
  /** One line on what the method does, for the reference and the fuzzing report. */
  readonly summary: string;
}

/** Declares a method: `method(z.object({...}).strict(), 'What it does').returns<Result>()`. */
export function method<Input extends z.ZodType>(input: Input, summary: string) {
  return {
    returns<Result>(): MethodSpec<Input, Result> {
      return { input, summary };
    },
  };
}
