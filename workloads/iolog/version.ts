// The iolog versions fsyncsim reads: 2 (fio 1.17 on) and 3 (fio 3.31 on). See header.ts.
export type IologVersion = 2 | 3;
