// Array edits in place, for a node's keys and children and a leaf's items (a simulator speed
// measure). splice() spreads a batch into arguments and returns an array of what it removed; on a
// node's keys and children, once per leaf a log rebuilds, that was garbage.

/** arr.splice(at, 0, ...add), without the spread or the returned array. */
export function insertAt<T>(arr: T[], at: number, add: readonly T[]): void {
  const n = add.length;
  const len = arr.length;
  if (at === len) {
    for (let i = 0; i < n; i++) arr.push(add[i] as T);
    return;
  }
  for (let i = 0; i < n; i++) arr.push(add[0] as T); // grow by n
  for (let i = len - 1; i >= at; i--) arr[i + n] = arr[i] as T;
  for (let i = 0; i < n; i++) arr[at + i] = add[i] as T;
}

/** arr.splice(at, 0, x), without the returned array. */
export function insertOne<T>(arr: T[], at: number, x: T): void {
  arr.push(x);
  for (let i = arr.length - 1; i > at; i--) arr[i] = arr[i - 1] as T;
  arr[at] = x;
}

/** arr.splice(at, 1), without the returned array. */
export function removeAt<T>(arr: T[], at: number): void {
  const last = arr.length - 1;
  for (let i = at; i < last; i++) arr[i] = arr[i + 1] as T;
  arr.pop();
}
