/** The Plan form's state and its translation to and from the client profile the planner reads. */
import type { Gender, ImmigrationStatus, NeedCode } from '../../../../shared/domain';
import type { ClientProfile, ClientProfileInput, ProfileTraffickingType } from '../../../../shared/plan/clientProfile';

/** What the form holds: text where the user types, choices where they pick. */
export interface ProfileFormState {
  needs: NeedCode[];
  /** Comma- or space-separated ISO 639 codes. */
  languages: string;
  ageMode: 'adult' | 'minor' | 'years';
  ageYears: string;
  gender: Gender | '';
  traffickingType: ProfileTraffickingType;
  immigrationStatus: ImmigrationStatus;
  documents: 'yes' | 'no' | 'unknown';
  region: string;
  arrivalTime: string;
  noDetention: boolean;
  freeOnly: boolean;
  only24x7: boolean;
  maxHops: string;
  startActorId: string | null;
  startName: string;
}

/** A blank form: detention excluded, nothing else assumed. */
export const EMPTY_FORM: ProfileFormState = {
  needs: [],
  languages: '',
  ageMode: 'adult',
  ageYears: '',
  gender: '',
  traffickingType: 'unknown',
  immigrationStatus: 'unknown',
  documents: 'unknown',
  region: '',
  arrivalTime: '',
  noDetention: true,
  freeOnly: false,
  only24x7: false,
  maxHops: '',
  startActorId: null,
  startName: '',
};

/** The profile the form describes (the server checks it; a bad field comes back named). */
export function formToProfile(form: ProfileFormState): ClientProfileInput {
  const years = Number(form.ageYears);
  const hops = form.maxHops.trim() === '' ? null : Number(form.maxHops);
  return {
    needs: form.needs,
    languages: form.languages
      .split(/[\s,;]+/)
      .map((code) => code.trim().toLowerCase())
      .filter(Boolean),
    age:
      form.ageMode === 'years' && form.ageYears.trim() !== '' && Number.isFinite(years)
        ? years
        : form.ageMode === 'minor'
          ? 'minor'
          : 'adult',
    gender: form.gender === '' ? null : form.gender,
    traffickingType: form.traffickingType,
    immigrationStatus: form.immigrationStatus,
    hasIdentityDocuments: form.documents === 'unknown' ? null : form.documents === 'yes',
    region: form.region.trim(),
    arrivalTime: form.arrivalTime === '' ? null : form.arrivalTime.slice(0, 16),
    constraints: { noDetention: form.noDetention, freeOnly: form.freeOnly, only24x7: form.only24x7, maxHops: hops },
    startActorId: form.startActorId,
  };
}

/** The form for a saved profile. */
export function profileToForm(profile: ClientProfile, startName: string): ProfileFormState {
  return {
    needs: profile.needs,
    languages: profile.languages.join(', '),
    ageMode: typeof profile.age === 'number' ? 'years' : profile.age,
    ageYears: typeof profile.age === 'number' ? String(profile.age) : '',
    gender: profile.gender ?? '',
    traffickingType: profile.traffickingType,
    immigrationStatus: profile.immigrationStatus,
    documents: profile.hasIdentityDocuments === null ? 'unknown' : profile.hasIdentityDocuments ? 'yes' : 'no',
    region: profile.region,
    arrivalTime: profile.arrivalTime ?? '',
    noDetention: profile.constraints.noDetention,
    freeOnly: profile.constraints.freeOnly,
    only24x7: profile.constraints.only24x7,
    maxHops: profile.constraints.maxHops === null ? '' : String(profile.constraints.maxHops),
    startActorId: profile.startActorId,
    startName,
  };
}
