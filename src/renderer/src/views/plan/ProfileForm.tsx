/** The client profile form: needs as toggles with icons, then circumstances and constraints. No field for a name. */
import { useEffect, useState } from 'react';
import { GENDERS, IMMIGRATION_STATUSES, NEED_CODES, type NeedCode } from '../../../../shared/domain';
import { PROFILE_TRAFFICKING_TYPES } from '../../../../shared/plan/clientProfile';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { NEED_ICONS } from './needIcons';
import type { ProfileFormState } from './profileForm';

/** Need names as the graph's need records give them, in both languages. */
export type NeedNames = Partial<Record<NeedCode, { en: string; es: string }>>;

export function ProfileForm(props: {
  form: ProfileFormState;
  needNames: NeedNames;
  onChange(patch: Partial<ProfileFormState>): void;
}) {
  const { t, locale } = useI18n();
  const { form, onChange } = props;
  const toggleNeed = (need: NeedCode) =>
    onChange({ needs: form.needs.includes(need) ? form.needs.filter((n) => n !== need) : [...form.needs, need] });

  return (
    <form className="plan-form" aria-label={t('plan.form.title')} onSubmit={(event) => event.preventDefault()}>
      <h2>{t('plan.form.title')}</h2>
      <p className="plan-form__privacy">{t('plan.form.privacy')}</p>
      <fieldset>
        <legend>{t('plan.form.needs')}</legend>
        <div className="plan-needs">
          {NEED_CODES.map((need) => (
            <button
              key={need}
              type="button"
              className="plan-need"
              aria-pressed={form.needs.includes(need)}
              data-testid={`need-${need}`}
              onClick={() => toggleNeed(need)}
            >
              <span className="plan-need__icon" aria-hidden="true">
                {NEED_ICONS[need]}
              </span>
              {props.needNames[need]?.[locale] ?? need.replace(/_/g, ' ')}
            </button>
          ))}
        </div>
      </fieldset>
      <label className="plan-field">
        <span>{t('plan.form.languages')}</span>
        <input
          type="text"
          data-testid="profile-languages"
          value={form.languages}
          onChange={(event) => onChange({ languages: event.target.value })}
        />
      </label>
      <div className="plan-field plan-field--row">
        <label>
          <span className="muted">{t('plan.form.age')}</span>
          <select
            data-testid="profile-age"
            value={form.ageMode}
            onChange={(event) => onChange({ ageMode: event.target.value as ProfileFormState['ageMode'] })}
          >
            <option value="adult">{t('plan.form.age.adult')}</option>
            <option value="minor">{t('plan.form.age.minor')}</option>
            <option value="years">{t('plan.form.age.years')}</option>
          </select>
        </label>
        {form.ageMode === 'years' && (
          <label>
            <span className="muted">{t('plan.form.age.years')}</span>
            <input
              type="number"
              min={0}
              max={120}
              value={form.ageYears}
              onChange={(event) => onChange({ ageYears: event.target.value })}
            />
          </label>
        )}
      </div>
      <div className="plan-field plan-field--row">
        <label>
          <span className="muted">{t('plan.form.gender')}</span>
          <select
            data-testid="profile-gender"
            value={form.gender}
            onChange={(event) => onChange({ gender: event.target.value as ProfileFormState['gender'] })}
          >
            <option value="">{t('plan.form.notGiven')}</option>
            {GENDERS.map((gender) => (
              <option key={gender} value={gender}>
                {t(`plan.form.gender.${gender}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="muted">{t('plan.form.trafficking')}</span>
          <select
            data-testid="profile-trafficking"
            value={form.traffickingType}
            onChange={(event) =>
              onChange({ traffickingType: event.target.value as ProfileFormState['traffickingType'] })
            }
          >
            {PROFILE_TRAFFICKING_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`plan.form.trafficking.${type}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="plan-field plan-field--row">
        <label>
          <span className="muted">{t('plan.form.immigration')}</span>
          <select
            data-testid="profile-immigration"
            value={form.immigrationStatus}
            onChange={(event) =>
              onChange({ immigrationStatus: event.target.value as ProfileFormState['immigrationStatus'] })
            }
          >
            {IMMIGRATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`plan.form.immigration.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="muted">{t('plan.form.documents')}</span>
          <select
            data-testid="profile-documents"
            value={form.documents}
            onChange={(event) => onChange({ documents: event.target.value as ProfileFormState['documents'] })}
          >
            <option value="unknown">{t('plan.form.documents.unknown')}</option>
            <option value="yes">{t('plan.form.documents.yes')}</option>
            <option value="no">{t('plan.form.documents.no')}</option>
          </select>
        </label>
      </div>
      <label className="plan-field">
        <span>{t('plan.form.region')}</span>
        <input
          type="text"
          data-testid="profile-region"
          placeholder="US-CA/Los Angeles County"
          value={form.region}
          onChange={(event) => onChange({ region: event.target.value })}
        />
      </label>
      <label className="plan-field">
        <span>{t('plan.form.arrival')}</span>
        <input
          type="datetime-local"
          data-testid="profile-arrival"
          value={form.arrivalTime}
          onChange={(event) => onChange({ arrivalTime: event.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('plan.form.constraints')}</legend>
        <label className="plan-check">
          <input
            type="checkbox"
            checked={form.noDetention}
            onChange={(event) => onChange({ noDetention: event.target.checked })}
          />
          {t('plan.form.noDetention')}
        </label>
        <label className="plan-check">
          <input
            type="checkbox"
            checked={form.freeOnly}
            onChange={(event) => onChange({ freeOnly: event.target.checked })}
          />
          {t('plan.form.freeOnly')}
        </label>
        <label className="plan-check">
          <input
            type="checkbox"
            checked={form.only24x7}
            onChange={(event) => onChange({ only24x7: event.target.checked })}
          />
          {t('plan.form.only24x7')}
        </label>
        <label className="plan-field">
          <span>{t('plan.form.maxHops')}</span>
          <input
            type="number"
            min={0}
            max={8}
            value={form.maxHops}
            onChange={(event) => onChange({ maxHops: event.target.value })}
          />
        </label>
      </fieldset>
      <StartPicker form={form} onChange={onChange} />
    </form>
  );
}

/** Finds the caseworker's organisation by name (through search), or takes an id typed in full. */
function StartPicker(props: { form: ProfileFormState; onChange(patch: Partial<ProfileFormState>): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ id: string; name: string }[]>([]);
  const { onChange } = props;

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      call('search.query', { text: query, kinds: ['actor'], status: 'active', limit: 8 })
        .then((response) => {
          if (live) setFound(response.results.map((result) => ({ id: result.id, name: result.name })));
        })
        .catch(() => live && setFound([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const suggestions = text.trim().length >= 2 ? found : [];
  const choose = (id: string, name: string) => {
    onChange({ startActorId: id, startName: name });
    setText('');
    setFound([]);
  };

  return (
    <div className="plan-field plan-start">
      <label>
        <span className="muted">{t('plan.form.start')}</span>
        <input
          type="text"
          data-testid="profile-start"
          placeholder={t('plan.form.startPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // An id typed in full ("sample:threadline-survivor-network") is taken as is; the server checks it.
            if (event.key === 'Enter' && /^[a-z][a-z_]*:[a-z0-9][a-z0-9._-]*$/.test(text.trim())) {
              choose(text.trim(), text.trim());
            }
          }}
        />
      </label>
      {suggestions.length > 0 && (
        <ul className="plan-start__suggestions" role="listbox">
          {suggestions.map((option) => (
            <li key={option.id}>
              <button type="button" role="option" aria-selected={false} onClick={() => choose(option.id, option.name)}>
                {option.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.form.startActorId && (
        <div className="plan-start__chosen" data-testid="profile-start-chosen">
          <strong>{props.form.startName}</strong>
          <button type="button" className="link" onClick={() => onChange({ startActorId: null, startName: '' })}>
            {t('plan.form.startClear')}
          </button>
        </div>
      )}
    </div>
  );
}
