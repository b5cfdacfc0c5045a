/** Words of the round's frame (staff.rounds.$roundId.tsx) and its overview page. */
export const roundPages = {
  rounds: { vi: "Các đợt khảo sát", en: "Survey rounds" },
  closed: { vi: "đã đóng", en: "closed" },
  overview: { vi: "Tổng quan", en: "Overview" },
  shape: { vi: "{sections} phần, {items} câu hỏi", en: "{sections} {sections|part|parts}, {items} {items|question|questions}" },
  units: { vi: "Đơn vị", en: "Units" },
} as const;
