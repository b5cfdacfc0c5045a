/** Texts the studio puts into a new question of a draft, for staff to change (app/domain/studio/edit.ts). */
export const studioDefaults = {
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
};
