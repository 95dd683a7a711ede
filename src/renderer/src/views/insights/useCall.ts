/** Fetching a contract method's answer for a view: again whenever its input or the data changes. */
import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../../../shared/api';
import { call } from '../../api/client';
import { useAppState } from '../../state/appStore';

/** The latest answer, the error if the call failed, and whether a newer call is in flight. */
export interface CallState<T> {
  value: T | null;
  error: string | null;
  loading: boolean;
}

interface Answer<T> {
  /** The input (as JSON) and data revision this answer is for. */
  for: string;
  value: T | null;
  error: string | null;
}

/** Calls `method` with `input` (compared by its JSON) after every data change; a late answer never overwrites a newer one. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>): CallState<MethodResult<M>> {
  const dataRevision = useAppState((state) => state.dataRevision);
  const key = JSON.stringify(input);
  const wanted = `${method}|${key}|${dataRevision}`;
  const [answer, setAnswer] = useState<Answer<MethodResult<M>>>({ for: '', value: null, error: null });
  useEffect(() => {
    let current = true;
    call(method, JSON.parse(key) as MethodInput<M>)
      .then((value) => current && setAnswer({ for: wanted, value, error: null }))
      .catch(
        (reason: unknown) =>
          current &&
          setAnswer({ for: wanted, value: null, error: reason instanceof Error ? reason.message : String(reason) }),
      );
    return () => {
      current = false;
    };
  }, [method, key, wanted]);
  return { value: answer.value, error: answer.error, loading: answer.for !== wanted };
}
