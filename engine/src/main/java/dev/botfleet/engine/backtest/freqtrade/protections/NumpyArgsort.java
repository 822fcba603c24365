package dev.botfleet.engine.backtest.freqtrade.protections;

/**
 * numpy's default argsort ({@code kind="quicksort"}) for object arrays, which pandas' {@code sort_values} uses on
 * Freqtrade's {@code close_date} strings in MaxDrawdown. It is not stable: among equal close times (several pairs
 * exiting on one candle) it reorders trades once more than 16 are sorted, and that order changes the running sum's
 * path, hence the drawdown. A port of the algorithm (numpy's {@code npy_aquicksort}, BSD-licensed): median-of-three
 * quicksort down to 16 elements, then insertion sort, switching to heapsort when the depth passes 2·log2(n).
 */
final class NumpyArgsort {

    private static final int SMALL_QUICKSORT = 15;

    private NumpyArgsort() {
    }

    /** Indices that put {@code keys} in ascending order, in the order numpy's object-array argsort returns them. */
    static int[] argsort(long[] keys) {
        int n = keys.length;
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        int[] stack = new int[2 * 64];
        int[] depths = new int[64];
        int sp = 0;
        int dp = 0;
        int pl = 0;
        int pr = n - 1;
        int depth = 2 * (31 - Integer.numberOfLeadingZeros(Math.max(n, 1)));
        for (;;) {
            if (depth < 0) {
                heapsort(keys, t, pl, pr - pl + 1);
            } else {
                while (pr - pl > SMALL_QUICKSORT) {
                    int pm = pl + ((pr - pl) >> 1);
                    if (keys[t[pm]] < keys[t[pl]]) {
                        swap(t, pm, pl);
                    }
                    if (keys[t[pr]] < keys[t[pm]]) {
                        swap(t, pr, pm);
                    }
                    if (keys[t[pm]] < keys[t[pl]]) {
                        swap(t, pm, pl);
                    }
                    long pivot = keys[t[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    swap(t, pm, pj);
                    for (;;) {
                        do {
                            ++pi;
                        } while (keys[t[pi]] < pivot && pi < pj);
                        do {
                            --pj;
                        } while (pivot < keys[t[pj]] && pi < pj);
                        if (pi >= pj) {
                            break;
                        }
                        swap(t, pi, pj);
                    }
                    swap(t, pi, pr - 1);
                    // Continue with the smaller side; the larger one waits on the stack.
                    if (pi - pl < pr - pi) {
                        stack[sp++] = pi + 1;
                        stack[sp++] = pr;
                        pr = pi - 1;
                    } else {
                        stack[sp++] = pl;
                        stack[sp++] = pi - 1;
                        pl = pi + 1;
                    }
                    depths[dp++] = --depth;
                }
                insertionSort(keys, t, pl, pr);
            }
            if (sp == 0) {
                return t;
            }
            pr = stack[--sp];
            pl = stack[--sp];
            depth = depths[--dp];
        }
    }

    private static void insertionSort(long[] keys, int[] t, int pl, int pr) {
        for (int pi = pl + 1; pi <= pr; pi++) {
            int vi = t[pi];
            int pj = pi;
            while (pj > pl && keys[vi] < keys[t[pj - 1]]) {
                t[pj] = t[pj - 1];
                pj--;
            }
            t[pj] = vi;
        }
    }

    /** numpy's {@code aheapsort} on {@code t[from .. from+n)}, with its one-based heap indexing. */
    private static void heapsort(long[] keys, int[] t, int from, int n) {
        int base = from - 1; // a[i] is t[base + i]
        for (int l = n >> 1; l > 0; --l) {
            siftDown(keys, t, base, t[base + l], l, n);
        }
        for (; n > 1; ) {
            int tmp = t[base + n];
            t[base + n] = t[base + 1];
            n -= 1;
            siftDown(keys, t, base, tmp, 1, n);
        }
    }

    private static void siftDown(long[] keys, int[] t, int base, int tmp, int i, int n) {
        for (int j = i << 1; j <= n; ) {
            if (j < n && keys[t[base + j]] < keys[t[base + j + 1]]) {
                j += 1;
            }
            if (keys[tmp] < keys[t[base + j]]) {
                t[base + i] = t[base + j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        t[base + i] = tmp;
    }

    private static void swap(int[] t, int a, int b) {
        int x = t[a];
        t[a] = t[b];
        t[b] = x;
    }
}
