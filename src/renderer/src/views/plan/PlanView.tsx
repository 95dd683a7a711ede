/**
 * The Plan tab: the client profile on the left, the explained plan on the right, rebuilt as the form changes.
 * Steps can be swapped for an alternative, the plan's paths shown in the graph, the plan saved under a case code
 * for follow-up, reopened, and printed for the survivor in English or Spanish.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldIssue } from '../../../../shared/api';
import { NEED_CODES, type NeedCode } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';
import type { PlanChoice, ProposedProvider, ReferralPlan } from '../../../../shared/plan/referralPlan';
import {
  DEFAULT_PLAN_EXPIRY_DAYS,
  notePiiKinds,
  type SavedPlan,
  type SavedPlanSummary,
  type StepStatus,
} from '../../../../shared/plan/savedPlan';
import { ApiCallError, call } from '../../api/client';
import { errorText, fieldIssueText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { highlightInGraph, useAppState } from '../../state/appStore';
import { ProfileForm, type NeedNames } from './ProfileForm';
import { EMPTY_FORM, formToProfile, profileToForm, type ProfileFormState } from './profileForm';
import { downloadFile, saveBlob } from '../../files/download';
import { StepCard } from './StepCard';
import './plan.css';

type Notice = { kind: 'ok' | 'warn' | 'error'; text: string; issues?: FieldIssue[] } | null;
type Dialog = 'save' | 'open' | null;

export function PlanView() {
  const { t, locale } = useI18n();
  const dataRevision = useAppState((state) => state.dataRevision);
  const [form, setForm] = useState<ProfileFormState>(EMPTY_FORM);
  const [choices, setChoices] = useState<PlanChoice[]>([]);
  const [plan, setPlan] = useState<ReferralPlan | null>(null);
  const [building, setBuilding] = useState(false);
  const [refusal, setRefusal] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [saved, setSaved] = useState<SavedPlan | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [needNames, setNeedNames] = useState<NeedNames>({});
  const [printLanguage, setPrintLanguage] = useState<'en' | 'es' | null>(null);
  const [printing, setPrinting] = useState(false);
  const sequence = useRef(0);

  const profile = useMemo(() => formToProfile(form), [form]);
  const ready = profile.needs.length > 0 && profile.region !== '';
  const survivorLanguage: 'en' | 'es' = printLanguage ?? (profile.languages?.includes('es') ? 'es' : 'en');

  useEffect(() => {
    let live = true;
    Promise.all(
      NEED_CODES.map((code) =>
        call('graph.get', { id: `need:${code}` })
          .then((details) => [code, details.record] as const)
          .catch(() => null),
      ),
    ).then((entries) => {
      if (!live) return;
      const names: NeedNames = {};
      for (const entry of entries) {
        if (entry && entry[1].kind === 'need') names[entry[0]] = { en: entry[1].name, es: entry[1].nameEs };
      }
      setNeedNames(names);
    });
    return () => {
      live = false;
    };
  }, [dataRevision]);

  // The live plan follows the form, the swaps, the UI language and the data.
  useEffect(() => {
    if (saved || !ready) return;
    const mine = ++sequence.current;
    const timer = setTimeout(() => {
      setBuilding(true);
      call('plan.build', { profile, choices, language: locale })
        .then((result) => {
          if (mine !== sequence.current) return;
          setPlan(result);
          setRefusal(null);
        })
        .catch((reason: unknown) => {
          if (mine !== sequence.current) return;
          setRefusal(asNotice(reason, t));
        })
        .finally(() => mine === sequence.current && setBuilding(false));
    }, 200);
    return () => clearTimeout(timer);
  }, [profile, choices, locale, t, dataRevision, ready, saved]);

  const shown = saved ? saved.plan : ready ? plan : null;
  const shownRefusal = ready ? refusal : null;

  const change = (patch: Partial<ProfileFormState>) => {
    setSaved(null);
    setNotice(null);
    setForm((current) => ({ ...current, ...patch }));
  };

  const swap = (need: NeedCode, alternative: ProposedProvider) =>
    setChoices((current) => [...current.filter((c) => c.need !== need), { need, serviceId: alternative.service.id }]);

  const showPaths = () => {
    if (!shown) return;
    const ids = new Set<string>();
    for (const step of shown.steps) {
      for (const id of step.path) ids.add(id);
      ids.add(step.service.id);
    }
    highlightInGraph({ label: t('plan.graph.label'), nodeIds: [...ids], edgeIds: [] }, true);
  };

  const print = async () => {
    if (!shown) return;
    setPrinting(true);
    setNotice(null);
    const input = saved
      ? { id: saved.id, language: survivorLanguage }
      : { profile, choices, language: survivorLanguage };
    try {
      const printed = await call('plan.print', { ...input, format: 'pdf' });
      downloadFile(printed.fileName, 'application/pdf', printed.pdfBase64 ?? '');
    } catch (reason) {
      if (reason instanceof ApiCallError && reason.error.code === 'UNAVAILABLE') {
        const printed = await call('plan.print', { ...input, format: 'html' }).catch(() => null);
        if (printed) {
          saveBlob(printed.fileName, new Blob([printed.html], { type: 'text/html' }));
          setNotice({ kind: 'warn', text: t('plan.print.htmlFallback') });
        }
      } else setNotice(asNotice(reason, t));
    } finally {
      setPrinting(false);
    }
  };

  const updateStep = (index: number, patch: { status?: StepStatus; note?: string }) => {
    if (!saved) return;
    call('plan.updateStep', { id: saved.id, step: index, ...patch })
      .then(setSaved)
      .catch((reason: unknown) => setNotice(asNotice(reason, t)));
  };

  const open = async (id: string) => {
    try {
      const plan = await call('plan.get', { id });
      let startName = plan.profile.startActorId ?? '';
      if (plan.profile.startActorId) {
        startName = await call('graph.get', { id: plan.profile.startActorId })
          .then((details) => details.record.name)
          .catch(() => startName);
      }
      setForm(profileToForm(plan.profile, startName));
      setChoices(plan.choices);
      setSaved(plan);
      setPrintLanguage(plan.language);
      setDialog(null);
    } catch (reason) {
      setNotice(asNotice(reason, t));
    }
  };

  return (
    <div className="plan-view">
      <ProfileForm form={form} needNames={needNames} onChange={change} />
      <section className="plan-main" aria-label={t('plan.view.title')} aria-busy={building}>
        <div className="plan-toolbar">
          <h2>{t('plan.view.title')}</h2>
          {shown && <span className="muted">{t('plan.plan.steps', { count: shown.steps.length })}</span>}
          {building && !saved && <span className="muted">{t('plan.plan.building')}</span>}
          <span className="plan-toolbar__spacer" />
          <button type="button" className="button" disabled={!shown} onClick={showPaths}>
            {t('plan.actions.showPaths')}
          </button>
          <button type="button" className="button" disabled={!plan || saved !== null} onClick={() => setDialog('save')}>
            {t('plan.actions.save')}
          </button>
          <button type="button" className="button" onClick={() => setDialog(dialog === 'open' ? null : 'open')}>
            {t('plan.actions.open')}
          </button>
          <label className="muted">
            {t('plan.print.language')}{' '}
            <select
              data-testid="print-language"
              value={survivorLanguage}
              onChange={(event) => setPrintLanguage(event.target.value === 'es' ? 'es' : 'en')}
            >
              <option value="en">{t('language.en')}</option>
              <option value="es">{t('language.es')}</option>
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            data-testid="plan-print"
            disabled={!shown || printing}
            onClick={() => void print()}
          >
            {printing ? t('plan.actions.printing') : t('plan.actions.print')}
          </button>
        </div>
        {dialog === 'save' && (
          <SaveDialog
            onCancel={() => setDialog(null)}
            onSave={async (caseCode, notes, expiresInDays) => {
              try {
                const result = await call('plan.save', {
                  caseCode,
                  profile,
                  choices,
                  language: survivorLanguage,
                  notes,
                  expiresInDays,
                });
                setSaved(result);
                setDialog(null);
                setNotice({
                  kind: 'ok',
                  text: t('plan.save.saved', { code: result.caseCode, date: result.expiresAt.slice(0, 10) }),
                });
              } catch (reason) {
                setNotice(asNotice(reason, t));
              }
            }}
          />
        )}
        {dialog === 'open' && <OpenDialog onOpen={(id) => void open(id)} onClose={() => setDialog(null)} />}
        {notice && <NoticeBox notice={notice} />}
        {saved && (
          <div className="plan-banner" data-testid="plan-saved-banner">
            <span>
              {t('plan.saved.banner', {
                code: saved.caseCode,
                created: saved.createdAt.slice(0, 10),
                expires: saved.expiresAt.slice(0, 10),
              })}
            </span>
            <button type="button" className="link" onClick={() => setSaved(null)}>
              {t('plan.saved.leave')}
            </button>
          </div>
        )}
        {shownRefusal && !saved && (
          <NoticeBox notice={{ ...shownRefusal, text: `${t('plan.plan.refused')} ${shownRefusal.text}` }} />
        )}
        {!shown && !shownRefusal && <p className="placeholder">{t('plan.plan.empty')}</p>}
        {shown && shown.warnings.length > 0 && (
          <div className="plan-notice plan-notice--warn">
            <strong>{t('plan.warnings.title')}</strong>
            <ul>
              {shown.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
        {choices.length > 0 && !saved && (
          <p>
            <button type="button" className="link" onClick={() => setChoices([])}>
              {t('plan.choices.reset', { count: choices.length })}
            </button>
          </p>
        )}
        {shown && (
          <div className="plan-steps">
            {shown.steps.map((step, index) => (
              <StepCard
                key={`${step.need}-${step.service.id}`}
                step={step}
                index={index}
                needNames={needNames}
                onSwap={saved ? undefined : (alternative) => swap(step.need, alternative)}
                followUp={
                  saved && saved.steps[index]
                    ? {
                        state: saved.steps[index],
                        onStatus: (status) => updateStep(index, { status }),
                        onNote: (note) => updateStep(index, { note }),
                      }
                    : undefined
                }
              />
            ))}
          </div>
        )}
        {shown && shown.uncovered.length > 0 && (
          <section className="plan-uncovered" data-testid="plan-uncovered">
            <h3>{t('plan.uncovered.title')}</h3>
            {shown.uncovered.map((need) => (
              <div key={need.need}>
                <p>
                  <strong>{needNames[need.need]?.[locale] ?? need.need}</strong>: {need.explanation}
                </p>
                <p className="muted">{need.suggestion}</p>
              </div>
            ))}
          </section>
        )}
      </section>
    </div>
  );
}

function SaveDialog(props: { onSave(caseCode: string, notes: string, days: number): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const [caseCode, setCaseCode] = useState('');
  const [notes, setNotes] = useState('');
  const [days, setDays] = useState(String(DEFAULT_PLAN_EXPIRY_DAYS));
  const pii = notePiiKinds(notes);
  return (
    <form
      className="plan-dialog"
      aria-label={t('plan.actions.save')}
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSave(caseCode.trim(), notes, Number(days) || DEFAULT_PLAN_EXPIRY_DAYS);
      }}
    >
      <div className="plan-field plan-field--row">
        <label>
          <span className="muted">{t('plan.save.caseCode')}</span>
          <input
            type="text"
            data-testid="save-case-code"
            value={caseCode}
            maxLength={40}
            onChange={(event) => setCaseCode(event.target.value)}
          />
        </label>
        <label>
          <span className="muted">{t('plan.save.expires')}</span>
          <input type="number" min={1} max={365} value={days} onChange={(event) => setDays(event.target.value)} />
        </label>
      </div>
      <label className="plan-field">
        <span>{t('plan.save.notes')}</span>
        <textarea rows={2} data-testid="save-notes" value={notes} onChange={(event) => setNotes(event.target.value)} />
      </label>
      {pii.map((kind) => (
        <p key={kind} className="plan-notice plan-notice--warn" role="alert">
          {t(`plan.pii.${kind}`)}
        </p>
      ))}
      <div className="plan-dialog__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="save-confirm"
          disabled={caseCode.trim() === ''}
        >
          {t('plan.actions.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('plan.actions.close')}
        </button>
      </div>
    </form>
  );
}

function OpenDialog(props: { onOpen(id: string): void; onClose(): void }) {
  const { t } = useI18n();
  const [plans, setPlans] = useState<SavedPlanSummary[] | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let live = true;
    call('plan.list', {})
      .then((list) => live && setPlans(list))
      .catch(() => live && setPlans([]));
    return () => {
      live = false;
    };
  }, [revision]);
  return (
    <div className="plan-dialog" role="dialog" aria-label={t('plan.saved.title')}>
      <h3>{t('plan.saved.title')}</h3>
      {plans && plans.length === 0 && <p className="muted">{t('plan.saved.none')}</p>}
      <ul className="plan-saved-list">
        {(plans ?? []).map((plan) => (
          <li key={plan.id}>
            <button type="button" className="link" onClick={() => props.onOpen(plan.id)}>
              {plan.caseCode}
            </button>
            <span className="muted">{plan.createdAt.slice(0, 10)}</span>
            <span className="muted">{t('plan.plan.steps', { count: plan.stepCount })}</span>
            <span className="muted">{t('plan.saved.expires', { date: plan.expiresAt.slice(0, 10) })}</span>
            <button
              type="button"
              className="button button--quiet-danger"
              onClick={() => void call('plan.delete', { id: plan.id }).then(() => setRevision((r) => r + 1))}
            >
              {t('plan.actions.delete')}
            </button>
          </li>
        ))}
      </ul>
      <div className="plan-dialog__actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t('plan.actions.close')}
        </button>
      </div>
    </div>
  );
}

function NoticeBox({ notice }: { notice: NonNullable<Notice> }) {
  const { t } = useI18n();
  return (
    <div className={`plan-notice plan-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      {notice.issues && notice.issues.length > 0 && (
        <ul>
          {notice.issues.map((issue) => (
            <li key={`${issue.path}-${issue.message}`}>
              <span className="mono">{issue.path}</span>: {fieldIssueText(issue, t)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function asNotice(reason: unknown, t: Translate): NonNullable<Notice> {
  if (reason instanceof ApiCallError && reason.error.issues)
    return { kind: 'error', text: '', issues: reason.error.issues };
  return { kind: 'error', text: errorText(reason, t) };
}
