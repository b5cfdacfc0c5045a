import { formatCode } from "../../domain/codes";
import type { Definition, Item, Option } from "../../domain/definition/schema";
import { optionKeys } from "../../domain/paper/keys";
import type { SkipNotes } from "../../domain/paper/skip-text";

export interface PrintPerson {
  code: string;
  link: string;
  qrSvg: string;
  /** Only for staff allowed to see contacts, and only for sampled people. */
  contact?: { name: string; address: string | null } | null;
}

export interface PaperQuestionnaireProps {
  definition: Definition;
  roundName: string;
  person: PrintPerson;
  notes: SkipNotes;
  numbers: Map<string, number>;
}

const MATRIX_TYPES: readonly Item["type"][] = ["satisfaction5", "level3", "yesno", "single", "demographic"];

/** Consecutive questions sharing one option set print as a grid, as on the ministry's forms. */
type Block = { kind: "item"; item: Item } | { kind: "matrix"; items: Item[]; options: Option[] };

function sameOptions(a: Item, b: Item): boolean {
  if (!a.options || !b.options || a.options.length !== b.options.length) return false;
  return a.options.every((o, i) => o.code === b.options![i].code && o.label.vi === b.options![i].label.vi);
}

export function blocksOf(items: Item[]): Block[] {
  const blocks: Block[] = [];
  const groupable = (item: Item) => MATRIX_TYPES.includes(item.type) && !!item.options && item.options.length <= 5;
  for (const item of items) {
    const last = blocks[blocks.length - 1];
    if (groupable(item) && last?.kind === "matrix" && sameOptions(last.items[0], item)) last.items.push(item);
    else if (groupable(item) && last?.kind === "item" && groupable(last.item) && sameOptions(last.item, item)) {
      blocks[blocks.length - 1] = { kind: "matrix", items: [last.item, item], options: item.options! };
    } else blocks.push({ kind: "item", item });
  }
  return blocks;
}

function Box({ n }: { n: string | null }) {
  return (
    <span className="pf-choice">
      <span className="pf-box" aria-hidden="true" />
      {n && <span className="pf-key">{n}</span>}
    </span>
  );
}

function ItemBlock({ item, number, notes }: { item: Item; number: number; notes: SkipNotes }) {
  const keys = optionKeys(item);
  return (
    <div className="pf-item" data-item={item.code}>
      <p className="pf-q">
        <span className="pf-n">{number}.</span> {item.label.vi}
        {item.type === "multiple" && <span className="pf-hint"> (có thể chọn nhiều phương án)</span>}
      </p>
      {item.help && <p className="pf-hint">{item.help.vi}</p>}
      {notes.items.get(item.code) && <p className="pf-skip">{notes.items.get(item.code)}</p>}
      {item.options && (
        <ul className={`pf-options${item.options.length > 4 ? " pf-options-long" : ""}`}>
          {item.options.map((o, i) => (
            <li key={o.code}>
              <Box n={keys[i].key} /> {o.label.vi}
            </li>
          ))}
        </ul>
      )}
      {item.type === "number" && (
        <p className="pf-digits" aria-label="Ô ghi số">
          {Array.from({ length: Math.max(2, String(Math.trunc(Math.abs(item.max ?? 9999))).length) }, (_, i) => (
            <span key={i} className="pf-digit" />
          ))}
        </p>
      )}
      {item.type === "text" && (
        <div className="pf-lines" aria-label="Dòng để viết">
          {Array.from({ length: 5 }, (_, i) => (
            <span key={i} />
          ))}
        </div>
      )}
      {notes.routes.get(item.code)?.map((r) => (
        <p key={r} className="pf-route">
          → {r}
        </p>
      ))}
    </div>
  );
}

function MatrixBlock({ items, options, numbers, notes }: { items: Item[]; options: Option[]; numbers: Map<string, number>; notes: SkipNotes }) {
  const keys = optionKeys(items[0]);
  return (
    <table className={`pf-matrix pf-cols-${options.length}`}>
      <thead>
        <tr>
          <th scope="col" className="pf-mq">
            Câu hỏi
          </th>
          {options.map((o, i) => (
            <th scope="col" key={o.code}>
              <span className="pf-key">{keys[i].key}</span> {o.label.vi}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.code} data-item={item.code}>
            <th scope="row" className="pf-mq">
              <span className="pf-n">{numbers.get(item.code)}.</span> {item.label.vi}
              {notes.items.get(item.code) && <span className="pf-skip pf-skip-inline">{notes.items.get(item.code)}</span>}
              {notes.routes.get(item.code)?.map((r) => (
                <span key={r} className="pf-route pf-skip-inline">
                  → {r}
                </span>
              ))}
            </th>
            {options.map((o, i) => (
              <td key={o.code}>
                <Box n={keys[i].key} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One person's printed questionnaire: the code in large type, a QR code of the answer link, the
 * instructions, then every question with boxes to tick and skip instructions in words. A table
 * frame repeats the code at the top of every printed page, so loose pages can be matched again.
 */
export function PaperQuestionnaire({ definition, roundName, person, notes, numbers }: PaperQuestionnaireProps) {
  const code = formatCode(person.code);
  const site = person.link.replace(/^https?:\/\//, "").replace(/\/s\/.*$/, "");
  return (
    <article className="pf-person" data-code={person.code}>
      <table className="pf-frame">
        <thead>
          <tr>
            <td>
              <div className="pf-running">
                <span>{definition.title.vi.replace(/^Khảo sát\s+/i, "Phiếu khảo sát ")}</span>
                <span>
                  Mã khảo sát <strong className="pf-mono">{code}</strong>
                </span>
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <header className="pf-head">
                <div className="pf-id">
                  {person.contact ? (
                    <div className="pf-address">
                      <p className="pf-label">Kính gửi</p>
                      <p className="pf-name">Ông/Bà {person.contact.name}</p>
                      {person.contact.address && <p>{person.contact.address}</p>}
                    </div>
                  ) : null}
                  <div className="pf-codebox">
                    <p className="pf-label">Mã khảo sát của Ông/Bà</p>
                    <p className="pf-code pf-mono">{code}</p>
                    <p className="pf-hint">
                      Trả lời trực tuyến: quét mã QR bằng điện thoại, hoặc vào trang{" "}
                      <a href={person.link} className="pf-site">
                        {site}
                      </a>{" "}
                      và nhập mã trên.
                    </p>
                  </div>
                  <div className="pf-qr" role="img" aria-label={`Mã QR của đường dẫn ${person.link}`} dangerouslySetInnerHTML={{ __html: person.qrSvg }} />
                </div>
                <h1 className="pf-title">{definition.title.vi}</h1>
                <p className="pf-round">{roundName}</p>
              </header>
              <section className="pf-instructions" aria-label="Hướng dẫn trả lời">
                <h2>Hướng dẫn trả lời</h2>
                <ul>
                  <li>Phiếu khảo sát không ghi tên người trả lời. Câu trả lời chỉ dùng để tổng hợp, tính chỉ số chung.</li>
                  <li>
                    Đánh dấu <strong>✗</strong> vào ô <Box n={null} /> bên cạnh câu trả lời phù hợp. Mỗi câu chỉ chọn một ô, trừ câu có ghi “có thể chọn nhiều
                    phương án”.
                  </li>
                  <li>Nếu đánh dấu nhầm, tô kín ô nhầm rồi đánh dấu vào ô đúng.</li>
                  <li>Làm theo các chỉ dẫn có mũi tên (→) để bỏ qua những câu không phù hợp với Ông/Bà.</li>
                  <li>Ông/Bà chỉ cần trả lời một lần: trên phiếu giấy này hoặc trực tuyến bằng mã khảo sát ở trên.</li>
                  <li>Trả lời xong, Ông/Bà vui lòng gửi lại phiếu theo phong bì kèm theo.</li>
                </ul>
              </section>
              {definition.sections.map((section) => (
                <section key={section.code} className="pf-section" data-section={section.code}>
                  <h2 className="pf-section-title">{section.title.vi}</h2>
                  {notes.sections.get(section.code) && <p className="pf-skip">{notes.sections.get(section.code)}</p>}
                  {section.description && <p className="pf-desc">{section.description.vi}</p>}
                  {blocksOf(section.items).map((block) =>
                    block.kind === "item" ? (
                      <ItemBlock key={block.item.code} item={block.item} number={numbers.get(block.item.code)!} notes={notes} />
                    ) : (
                      <MatrixBlock key={block.items[0].code} items={block.items} options={block.options} numbers={numbers} notes={notes} />
                    ),
                  )}
                </section>
              ))}
              <p className="pf-thanks">Xin trân trọng cảm ơn Ông/Bà đã dành thời gian trả lời!</p>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
