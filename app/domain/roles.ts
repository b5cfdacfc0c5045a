/**
 * What each staff role may do. Contacts (personal data) only for those who send invitations;
 * clerks key paper forms but see no results; analysts see results but no contacts.
 */
export type StaffRole = "admin" | "manager" | "clerk" | "analyst";

export const PERMISSIONS = {
  viewRound: ["admin", "manager", "clerk", "analyst"],
  viewResults: ["admin", "manager", "analyst"],
  exportData: ["admin", "manager", "analyst"],
  importData: ["admin", "manager"],
  manageFieldwork: ["admin", "manager"],
  viewContacts: ["admin", "manager"],
  keyPaperForms: ["admin", "manager", "clerk"],
  verifyPaperForms: ["admin", "manager"],
  closeRound: ["admin", "manager"],
  createRound: ["admin", "manager"],
  editRound: ["admin", "manager"],
  viewRoundHistory: ["admin", "manager"],
  manageAccounts: ["admin"],
  viewAudit: ["admin"],
  // ADR 024: everyone reads questionnaires; managers design drafts; only administrators publish and retire.
  viewQuestionnaires: ["admin", "manager", "clerk", "analyst"],
  designQuestionnaires: ["admin", "manager"],
  publishQuestionnaires: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
