/**
 * SQL for saved referral plans: the plan rows and their step follow-up rows, and the purge of expired plans.
 * Deleted plans are overwritten on disk (secure_delete), so an expired plan leaves nothing behind in the file.
 */
import type { SqliteDatabase } from '../../db/openDatabase';
import type { ClientProfile } from '../../../shared/plan/clientProfile';
import type { PlanChoice, ReferralPlan } from '../../../shared/plan/referralPlan';
import type { SavedPlan, SavedStep, StepStatus } from '../../../shared/plan/savedPlan';

/** A saved plan as stored: the contract's SavedPlan before its notes are checked for personal data. */
export type StoredPlan = Omit<SavedPlan, 'noteWarnings'>;

interface PlanRow {
  id: string;
  caseCode: string;
  createdAt: string;
  expiresAt: string;
  language: 'en' | 'es';
  profile: string;
  choices: string;
  plan: string;
  notes: string;
}

/** Prepared statements over the plan tables. */
export class PlanRepository {
  private readonly s;

  constructor(readonly db: SqliteDatabase) {
    // Purged and deleted plans are zeroed in the file rather than left in free pages.
    db.pragma('secure_delete = ON');
    const columns =
      'id, case_code AS caseCode, created_at AS createdAt, expires_at AS expiresAt, language, profile, choices, plan, notes';
    this.s = {
      insert: db.prepare(
        `INSERT INTO plans (id, case_code, created_at, expires_at, language, profile, choices, plan, notes)
         VALUES (@id, @caseCode, @createdAt, @expiresAt, @language, @profile, @choices, @plan, @notes)`,
      ),
      insertStep: db.prepare<[string, number, string, string, string]>(
        'INSERT INTO plan_steps (plan_id, step, status, note, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[string], PlanRow>(`SELECT ${columns} FROM plans WHERE id = ?`),
      list: db.prepare<[], PlanRow>(`SELECT ${columns} FROM plans ORDER BY created_at DESC, id`),
      steps: db.prepare<[string], SavedStep>(
        'SELECT status, note, updated_at AS updatedAt FROM plan_steps WHERE plan_id = ? ORDER BY step',
      ),
      updateStep: db.prepare<[string, string, string, string, number]>(
        'UPDATE plan_steps SET status = ?, note = ?, updated_at = ? WHERE plan_id = ? AND step = ?',
      ),
      delete: db.prepare<[string]>('DELETE FROM plans WHERE id = ?'),
      purge: db.prepare<[string]>('DELETE FROM plans WHERE expires_at <= ?'),
    };
  }

  /** Stores a new plan with one `planned` step row per plan step, in one transaction. */
  insert(plan: StoredPlan): void {
    this.db.transaction(() => {
      this.s.insert.run({
        id: plan.id,
        caseCode: plan.caseCode,
        createdAt: plan.createdAt,
        expiresAt: plan.expiresAt,
        language: plan.language,
        profile: JSON.stringify(plan.profile),
        choices: JSON.stringify(plan.choices),
        plan: JSON.stringify(plan.plan),
        notes: plan.notes,
      });
      plan.steps.forEach((step, index) =>
        this.s.insertStep.run(plan.id, index, step.status, step.note, step.updatedAt),
      );
    })();
  }

  get(id: string): StoredPlan | null {
    const row = this.s.get.get(id);
    return row ? this.hydrate(row) : null;
  }

  list(): StoredPlan[] {
    return this.s.list.all().map((row) => this.hydrate(row));
  }

  /** Sets one step's status and note; false when the plan or step does not exist. */
  updateStep(id: string, step: number, status: StepStatus, note: string, at: string): boolean {
    return this.s.updateStep.run(status, note, at, id, step).changes > 0;
  }

  delete(id: string): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  /** Deletes every plan whose expiry is at or before `now` (ISO timestamp); returns how many went. */
  purgeExpired(now: string): number {
    return this.s.purge.run(now).changes;
  }

  private hydrate(row: PlanRow): StoredPlan {
    return {
      id: row.id,
      caseCode: row.caseCode,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      language: row.language,
      profile: JSON.parse(row.profile) as ClientProfile,
      choices: JSON.parse(row.choices) as PlanChoice[],
      plan: JSON.parse(row.plan) as ReferralPlan,
      notes: row.notes,
      steps: this.s.steps.all(row.id),
    };
  }
}
