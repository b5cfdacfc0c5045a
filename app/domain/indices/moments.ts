/**
 * Weighted sums of one response's indicator vector u = (y, v) ∈ {0,1}^2K (y_k: positive answer to item k,
 * v_k: valid answer), kept compact.
 *
 * Each response's u is written as u = b + s: a base b whose y half and v half are each all-0 or all-1 (four
 * possible bases β), plus a signed sparse part s (±1 on few entries). For a satisfied respondent who answered
 * everything, y and v are mostly ones, so b = (1, 1) and s holds the few non-positive items with −1: adding
 * a·u uᵀ costs |s|² instead of (2K)². Exact algebra, no approximation:
 *
 *   Σ a u uᵀ = Σ_β A_β b_β b_βᵀ + Σ_β (b_β c_βᵀ + c_β b_βᵀ) + Σ a s sᵀ,   A_β = Σ_{β} a,  c_β = Σ_{β} a s
 *   Σ a u    = Σ_β A_β b_β + Σ_β c_β
 *
 * The sparse part is stored as the upper triangle of a 2K×2K matrix. Only quadratic forms gᵀ(Σ a u uᵀ)g and
 * dot products g·(Σ a u) are ever read, for vectors g with few non-zero entries, so nothing is expanded.
 */

export interface Moments {
  /** A_β, β = αy + 2·αv. */
  base: Float64Array;
  /** c_β, 4 × D. */
  vec: Float64Array;
  /** Σ a s sᵀ, upper triangle of D × D; absent when only first moments are kept. */
  sparse: Float64Array | null;
}

export function createMoments(d: number, withSecond: boolean): Moments {
  return { base: new Float64Array(4), vec: new Float64Array(4 * d), sparse: withSecond ? new Float64Array(d * d) : null };
}

export function momentsSize(m: Moments): number {
  return m.base.length + m.vec.length + (m.sparse ? m.sparse.length : 0);
}

/** Adds m into into (same dimension). */
export function addMoments(into: Moments, m: Moments): void {
  for (let i = 0; i < 4; i++) into.base[i] += m.base[i];
  for (let i = 0; i < m.vec.length; i++) into.vec[i] += m.vec[i];
  if (into.sparse && m.sparse) for (let i = 0; i < m.sparse.length; i++) into.sparse[i] += m.sparse[i];
}

/** out += Σ a u (dense, D entries). */
export function addFirstMoments(m: Moments, k: number, out: Float64Array): void {
  const d = 2 * k;
  for (let beta = 0; beta < 4; beta++) {
    const a = m.base[beta];
    if (beta & 1) for (let i = 0; i < k; i++) out[i] += a;
    if (beta & 2) for (let i = k; i < d; i++) out[i] += a;
    const off = beta * d;
    for (let i = 0; i < d; i++) out[i] += m.vec[off + i];
  }
}

/** Sums of g over the y half (index 0) and the v half (index 1) of the non-zero entries nz. */
function halfSums(g: Float64Array, nz: Int32Array, nnz: number, k: number, out: Float64Array): void {
  let gy = 0;
  let gv = 0;
  for (let t = 0; t < nnz; t++) {
    const i = nz[t];
    if (i < k) gy += g[i];
    else gv += g[i];
  }
  out[0] = 0;
  out[1] = gy;
  out[2] = gv;
  out[3] = gy + gv;
}

const gb = new Float64Array(4);

/** g · Σ a u. `nz` lists the non-zero entries of g in ascending order. */
export function dotFirst(m: Moments, g: Float64Array, nz: Int32Array, nnz: number, k: number): number {
  const d = 2 * k;
  halfSums(g, nz, nnz, k, gb);
  let sum = 0;
  for (let beta = 0; beta < 4; beta++) {
    let gc = 0;
    const off = beta * d;
    for (let t = 0; t < nnz; t++) gc += g[nz[t]] * m.vec[off + nz[t]];
    sum += m.base[beta] * gb[beta] + gc;
  }
  return sum;
}

/** gᵀ (Σ a u uᵀ) g. */
export function quadForm(m: Moments, g: Float64Array, nz: Int32Array, nnz: number, k: number): number {
  const d = 2 * k;
  const sparse = m.sparse!;
  halfSums(g, nz, nnz, k, gb);
  let sum = 0;
  for (let beta = 0; beta < 4; beta++) {
    let gc = 0;
    const off = beta * d;
    for (let t = 0; t < nnz; t++) gc += g[nz[t]] * m.vec[off + nz[t]];
    sum += m.base[beta] * gb[beta] * gb[beta] + 2 * gb[beta] * gc;
  }
  for (let a = 0; a < nnz; a++) {
    const i = nz[a];
    const row = i * d;
    let inner = sparse[row + i] * g[i];
    let off = 0;
    for (let b = a + 1; b < nnz; b++) off += sparse[row + nz[b]] * g[nz[b]];
    sum += g[i] * (inner + 2 * off);
  }
  return sum;
}
