// Where people were lost and why, tallied the same way by Monte-Carlo and the exact answer.
import type { LossReason } from './types.ts';

export class LossTally {
  private readonly at = new Map<string, Map<LossReason, number>>();

  add(id: string, reason: LossReason, people: number): void {
    if (!(people > 0)) return;
    let reasons = this.at.get(id);
    if (!reasons) this.at.set(id, (reasons = new Map()));
    reasons.set(reason, (reasons.get(reason) ?? 0) + people);
  }

  /** Place → people lost there, most first. */
  lostAt(): Record<string, number> {
    const totals = [...this.at].map(([id, reasons]) => [id, [...reasons.values()].reduce((a, b) => a + b, 0)] as const);
    return Object.fromEntries(totals.sort((a, b) => b[1] - a[1]));
  }

  /** Reason → people lost for it, most first. */
  lostBy(): Partial<Record<LossReason, number>> {
    const totals = new Map<LossReason, number>();
    for (const reasons of this.at.values()) for (const [reason, people] of reasons) totals.set(reason, (totals.get(reason) ?? 0) + people);
    return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]));
  }

  /** Place → reason → people. */
  lostAtBy(): Record<string, Partial<Record<LossReason, number>>> {
    return Object.fromEntries([...this.at].map(([id, reasons]) => [id, Object.fromEntries(reasons)]));
  }
}
