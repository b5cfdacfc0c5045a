
/** A CSV download: its name, its number of data rows, and its text in chunks (BOM and header first). */
export interface CsvDownload {
  /** File name for people (may hold Vietnamese); `asciiName` is the fallback for old clients. */
  filename: string;
  asciiName: string;
  totalRows: number;
  /** Text, or UTF-8 bytes where worker threads wrote them. */
  chunks: () => AsyncGenerator<string | Uint8Array, void, undefined>;
}

/**
 * `attachment; filename="ascii.csv"; filename*=UTF-8''…`: the UTF-8 name (RFC 6266/8187) for browsers,
 * the ASCII one for clients that know only the old form.
 */
export function contentDisposition(filename: string, asciiName: string): string {
  const ascii = asciiName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^A-Za-z0-9._-]+/g, "-");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Pulls chunks only as fast as the client reads them (back-pressure), and stops reading when it goes away. */
export function toReadableStream(chunks: AsyncGenerator<string | Uint8Array, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** A streamed CSV download with the row count in X-Total-Rows (for a progress bar). */
export function csvResponse(download: CsvDownload): Response {
  return new Response(toReadableStream(download.chunks()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(download.filename, download.asciiName),
      "X-Total-Rows": String(download.totalRows),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
