import type { ReactNode } from "react";
import type { Locale, LocalizedText } from "../../domain/definition/schema";
import { fill } from "../../domain/messages";
import { studioPages as w } from "../../domain/messages/areas/studio-pages";
import type { Outline, OutlineChild, OutlineItem, OutlineNode, OutlineSection } from "../../domain/studio/outline";
import { DefinitionText } from "../definition-text";
import { kindWord, ruleWord, typeWord } from "./words";

export interface OutlineExtras {
  /** Problems the validator found about a section, question or node (by code), in both languages. */
  problems?: { section: (code: string) => LocalizedText[]; item: (code: string) => LocalizedText[]; node: (code: string) => LocalizedText[] };
  /** Buttons and links beside a section, question or node (the editor's). */
  tools?: { section?: (s: OutlineSection, index: number) => ReactNode; item?: (i: OutlineItem, s: OutlineSection, index: number) => ReactNode; node?: (n: OutlineNode) => ReactNode };
  /** A form shown in place of a section, question or node (the one being edited). */
  editing?: { kind: "section" | "item" | "node"; code: string; form: ReactNode } | null;
}

function Problems({ list, locale }: { list: LocalizedText[]; locale: Locale }) {
  if (!list.length) return null;
  return (
    <ul className="studio-problems">
      {list.map((p, i) => (
        <li key={i}>{p[locale]}</li>
      ))}
    </ul>
  );
}

function Item({ item, locale, extras, section, index }: { item: OutlineItem; locale: Locale; extras: OutlineExtras; section: OutlineSection; index: number }) {
  if (extras.editing?.kind === "item" && extras.editing.code === item.code) return <li className="studio-item editing" id={`item-${item.code}`}>{extras.editing.form}</li>;
  return (
    <li className="studio-item" id={`item-${item.code}`}>
      <div className="studio-item-head">
        <span className="code">{item.code || "?"}</span>{" "}
        <strong>
          <DefinitionText text={item.label} locale={locale} />
        </strong>
      </div>
      <dl className="studio-facts">
        <div>
          <dt>{w.type[locale]}</dt>
          <dd>
            {typeWord(item.type, locale)} · {item.required ? w.required[locale] : w.optional[locale]}
          </dd>
        </div>
        {item.help && (
          <div>
            <dt>{w.help[locale]}</dt>
            <dd>
              <DefinitionText text={item.help} locale={locale} />
            </dd>
          </div>
        )}
        {item.options.length > 0 && (
          <div>
            <dt>{item.scale ? fill(w.scale, { name: item.scale }, locale) : w.options[locale]}</dt>
            <dd>
              <ol className="studio-options">
                {item.options.map((o) => (
                  <li key={o.code}>
                    <span className="code">{o.code}</span> <DefinitionText text={o.label} locale={locale} />
                    {o.missing && <span className="muted"> ({w.countsMissing[locale]})</span>}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        )}
        {item.showIf && (
          <div>
            <dt>{w.showIf[locale]}</dt>
            <dd>{item.showIf[locale]}</dd>
          </div>
        )}
        {item.positive.length > 0 && (
          <div>
            <dt>{w.positive[locale]}</dt>
            <dd>{item.positive.map((o) => `${o.code} “${o.label.vi && locale === "vi" ? o.label.vi : (o.label.en ?? o.label.vi)}”`).join(", ")}</dd>
          </div>
        )}
      </dl>
      <Problems list={extras.problems?.item(item.code) ?? []} locale={locale} />
      {extras.tools?.item?.(item, section, index)}
    </li>
  );
}

export function OutlineView({ outline, locale, extras = {} }: { outline: Outline; locale: Locale; extras?: OutlineExtras }) {
  return (
    <ol className="studio-sections">
      {outline.sections.map((s, si) => (
        <li key={`${s.code}-${si}`} className="studio-section" id={`section-${s.code}`}>
          {extras.editing?.kind === "section" && extras.editing.code === s.code ? (
            extras.editing.form
          ) : (
            <>
              <h3>
                <span className="code">{s.code || "?"}</span> <DefinitionText text={s.title} locale={locale} />{" "}
                <span className="muted">({fill(w.questionCount, { n: s.items.length }, locale)})</span>
              </h3>
              {s.description && (
                <p>
                  <DefinitionText text={s.description} locale={locale} />
                </p>
              )}
              {s.showIf && (
                <p>
                  <strong>{w.showIf[locale]}:</strong> {s.showIf[locale]}
                </p>
              )}
              <Problems list={extras.problems?.section(s.code) ?? []} locale={locale} />
              {extras.tools?.section?.(s, si)}
            </>
          )}
          <ol className="studio-items">
            {s.items.map((item, ii) => (
              <Item key={`${item.code}-${ii}`} item={item} locale={locale} extras={extras} section={s} index={ii} />
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

function Child({ child, locale, extras }: { child: OutlineChild; locale: Locale; extras: OutlineExtras }) {
  const weight = child.weight !== undefined ? <span className="studio-weight"> · {fill(w.weight, { w: child.weight }, locale)}</span> : null;
  if ("leaf" in child)
    return (
      <li className="tree-leaf">
        <span className="code">{child.leaf.item}</span> {child.leaf.label && <DefinitionText text={child.leaf.label} locale={locale} />}
        {weight}
      </li>
    );
  return <NodeView node={child.node} locale={locale} extras={extras} weight={weight} />;
}

function NodeView({ node, locale, extras, weight }: { node: OutlineNode; locale: Locale; extras: OutlineExtras; weight?: ReactNode }) {
  if (extras.editing?.kind === "node" && extras.editing.code === node.code) return <li className="tree-node editing">{extras.editing.form}</li>;
  return (
    <li className="tree-node" id={`node-${node.code}`}>
      <span className="tree-label">
        <span className="code">{node.code}</span> <strong><DefinitionText text={node.label} locale={locale} /></strong>{" "}
        <span className="tree-rule">
          [{ruleWord(node.rule, locale)}
          {node.item ? `, ${fill(w.ruleGivenBy, { code: node.item }, locale)}` : ""}
          {node.kind ? ` · ${kindWord(node.kind, locale)}` : ""}]
        </span>
        {weight}
      </span>
      <Problems list={extras.problems?.node(node.code) ?? []} locale={locale} />
      {extras.tools?.node?.(node)}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c, i) => (
            <Child key={i} child={c} locale={locale} extras={extras} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The aggregation trees drawn as trees: each node with its rule and the weight of each branch. */
export function IndexTrees({ outline, locale, extras = {} }: { outline: Outline; locale: Locale; extras?: OutlineExtras }) {
  if (!outline.trees.length) return <p>{w.noTree[locale]}</p>;
  return (
    <div className="index-trees">
      {outline.trees.map((t, i) => (
        <ul key={`${t.code}-${i}`} className="tree">
          <NodeView node={t} locale={locale} extras={extras} />
        </ul>
      ))}
    </div>
  );
}
