/** Fetching a contract method's answer for a view: again whenever its input or the data changes. */
import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
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
  /** Why the call failed (put in words at render, in the language then in use), or null. */
  failure: { reason: unknown } | null;
}

/** Calls `method` with `input` (compared by its JSON) after every data change; a late answer never overwrites a newer one. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>): CallState<MethodResult<M>> {
  const dataRevision = useAppState((state) => state.dataRevision);
  const key = JSON.stringify(input);
  const wanted = `${method}|${key}|${dataRevision}`;
  const { t } = useI18n();
  const [answer, setAnswer] = useState<Answer<MethodResult<M>>>({ for: '', value: null, failure: null });
  useEffect(() => {
    let current = true;
    call(method, JSON.parse(key) as MethodInput<M>)
      .then((value) => current && setAnswer({ for: wanted, value, failure: null }))
      .catch((reason: unknown) => current && setAnswer({ for: wanted, value: null, failure: { reason } }));
    return () => {
      current = false;
    };
  }, [method, key, wanted]);
  const error = answer.failure && errorText(answer.failure.reason, t);
  return { value: answer.value, error, loading: answer.for !== wanted };
}
