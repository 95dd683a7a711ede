/** One step of a plan: the provider, why, what to check, the legal basis, and its alternatives (any can be swapped in). */
import type { NeedCode } from '../../../../shared/domain';
import type { PlanStep, ProposedProvider } from '../../../../shared/plan/referralPlan';
import { STEP_STATUSES, notePiiKinds, type SavedStep, type StepStatus } from '../../../../shared/plan/savedPlan';
import { useI18n } from '../../i18n';
import { NEED_ICONS } from './needIcons';
import type { NeedNames } from './ProfileForm';

export function StepCard(props: {
  step: PlanStep;
  index: number;
  needNames: NeedNames;
  /** Swaps an alternative in (absent for a saved plan, which is kept as referred). */
  onSwap?: (alternative: ProposedProvider) => void;
  followUp?: { state: SavedStep; onStatus(status: StepStatus): void; onNote(note: string): void };
}) {
  const { t, locale } = useI18n();
  const { step } = props;
  const needLabel = (need: NeedCode) => props.needNames[need]?.[locale] ?? need;
  return (
    <article className="plan-step" data-testid="plan-step" aria-labelledby={`plan-step-${props.index}`}>
      <div className="plan-step__head">
        <span className="plan-step__number">{t('plan.step.title', { n: props.index + 1 })}</span>
        <h3 className="plan-step__actor" id={`plan-step-${props.index}`}>
          {step.actor.name}
        </h3>
        <span className="plan-step__service">{step.service.name}</span>
        <span className="plan-step__score">{t('plan.step.score', { score: step.score })}</span>
      </div>
      <div className="plan-step__needs">
        {step.needs.map((need) => (
          <span key={need} className="plan-chip">
            <span aria-hidden="true">{NEED_ICONS[need]} </span>
            {needLabel(need)}
          </span>
        ))}
      </div>
      <p className="plan-step__path">
        <strong>{t('plan.step.path')}:</strong>{' '}
        {step.pathCost === null && step.path.length <= 1 ? t('plan.step.direct') : step.pathNames.join(' → ')}
      </p>
      <Explanation proposal={step} />
      {step.legalBasis.length > 0 && (
        <>
          <h4>{t('plan.step.legal')}</h4>
          <ul className="plan-step__legal">
            {step.legalBasis.map((basis) => (
              <li key={basis.id}>
                <strong>{basis.name}</strong>
                {basis.citation ? <span className="muted"> — {basis.citation}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.followUp && <FollowUp {...props.followUp} />}
      {step.alternatives.length > 0 && (
        <details>
          <summary>{t('plan.step.alternatives', { count: step.alternatives.length })}</summary>
          {step.alternatives.map((alternative) => (
            <div key={alternative.service.id} className="plan-alternative" data-testid="plan-alternative">
              <div className="plan-alternative__head">
                <strong>{alternative.actor.name}</strong>
                <span className="muted">{alternative.service.name}</span>
                <span className="muted">{t('plan.step.score', { score: alternative.score })}</span>
                {props.onSwap && (
                  <button type="button" className="button" onClick={() => props.onSwap?.(alternative)}>
                    {t('plan.step.useInstead')}
                  </button>
                )}
              </div>
              <Explanation proposal={alternative} />
            </div>
          ))}
        </details>
      )}
    </article>
  );
}

function Explanation({ proposal }: { proposal: ProposedProvider }) {
  const { t } = useI18n();
  return (
    <div className="plan-step__cols">
      <div>
        <h4>{t('plan.step.reasons')}</h4>
        <ul>
          {proposal.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
      {proposal.warnings.length > 0 && (
        <div>
          <h4>{t('plan.step.warnings')}</h4>
          <ul className="plan-step__warnings">
            {proposal.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function FollowUp(props: { state: SavedStep; onStatus(status: StepStatus): void; onNote(note: string): void }) {
  const { t } = useI18n();
  const pii = notePiiKinds(props.state.note);
  return (
    <div className="plan-step__followup">
      <label>
        <span className="muted">{t('plan.step.status')}</span>
        <select
          data-testid="step-status"
          value={props.state.status}
          onChange={(event) => props.onStatus(event.target.value as StepStatus)}
        >
          {STEP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`plan.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="muted">{t('plan.step.note')}</span>
        <input
          type="text"
          className="plan-field"
          defaultValue={props.state.note}
          onBlur={(event) => event.target.value !== props.state.note && props.onNote(event.target.value)}
        />
        {pii.map((kind) => (
          <small key={kind} className="plan-step__warnings" role="alert">
            {t(`plan.pii.${kind}`)}
          </small>
        ))}
      </label>
    </div>
  );
}
