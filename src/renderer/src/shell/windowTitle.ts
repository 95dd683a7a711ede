/** The window title, and the setting that keeps it neutral so a glance at the task bar reveals nothing. */
import { useEffect } from 'react';
import { useStoredFlag } from '../state/storedFlag';

const NEUTRAL_TITLE_KEY = 'atlas.neutralTitle';

/** Whether the neutral window title is on (remembered on this machine). */
export function useNeutralTitleSetting(): [boolean, (on: boolean) => void] {
  return useStoredFlag(NEUTRAL_TITLE_KEY, false);
}

/** Keeps document.title in step: the app's name, the neutral title, or blank while discreet. */
export function useWindowTitle(title: string, neutralTitle: string, neutral: boolean, discreet: boolean): void {
  useEffect(() => {
    document.title = discreet ? neutralTitle : neutral ? neutralTitle : title;
  }, [title, neutralTitle, neutral, discreet]);
}
