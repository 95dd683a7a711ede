/** An on/off choice remembered on this machine (localStorage: nothing about a client, only how the app looks). */
import { useState } from 'react';

/** The remembered value of a flag (`fallback` until it is first set) and the function that sets and remembers it. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : stored === 'true';
  });
  return [
    on,
    (next) => {
      localStorage.setItem(key, String(next));
      setOn(next);
    },
  ];
}
