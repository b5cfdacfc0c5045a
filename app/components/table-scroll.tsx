import type { ReactNode } from "react";
import { staff } from "../domain/messages/areas/staff";
import { useLocale } from "./use-locale";

/**
 * A wide table in a box that scrolls sideways on a phone. The box takes keyboard focus, so someone without a mouse
 * can scroll it with the arrow keys (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function TableScroll({ className, label, children }: { className?: string; label?: string; children: ReactNode }) {
  const locale = useLocale();
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} tabIndex={0} role="region" aria-label={label ?? staff.scrollableTable[locale]}>
      {children}
    </div>
  );
}
