/**
 * Virtualises a semantic `<table>`: only the rows in view (plus an overscan) are rendered, between
 * two spacer rows that stand in for the rest, so thousands of devices or alerts scroll smoothly
 * while the markup stays `table > tbody > tr` for assistive technology, selectors and tests.
 * Rows may differ in height; each rendered row is measured (it needs `data-index`).
 */
import { computed, type ComputedRef, type Ref } from 'vue'
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/vue-virtual'

export interface TableWindowOptions<T> {
  /** Every matched row, in display order (not only the rendered ones). */
  items: () => readonly T[]
  /** A stable key per row, so measured heights follow a row when the order changes. */
  key: (item: T) => string
  /** The element that scrolls (the table sits inside it, under a sticky header). */
  scroller: Ref<HTMLElement | null>
  /** A typical row height in px, used until a row has been measured. */
  estimate: number
  /** Height of the table header above the first row, in px. */
  header: number
}

export interface WindowRow<T> {
  item: T
  index: number
}

export interface TableWindow<T> {
  rows: ComputedRef<WindowRow<T>[]>
  /** Heights of the spacer rows before and after the rendered rows (0: leave the spacer out). */
  padTop: ComputedRef<number>
  padBottom: ComputedRef<number>
  /** Function ref for each rendered `<tr :data-index>`: records its real height. */
  measure: (el: unknown) => void
  /** Scrolls so that row `index` is in view (centred), rendering it. */
  scrollToIndex: (index: number) => void
}

type El = Virtualizer<HTMLElement, Element>

/** Before layout (or in a hidden tab) the scroller reports 0 height; assume a window's worth. */
function observeRect(instance: El, cb: (rect: { width: number; height: number }) => void): void | (() => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }))
}

/** One virtualiser per table; the rows it returns are what the template renders between spacers. */
export function useTableWindow<T>(opts: TableWindowOptions<T>): TableWindow<T> {
  /** A row not laid out yet (0 px) keeps its estimate rather than collapsing the window open. */
  const measureElement = (el: Element, entry: ResizeObserverEntry | undefined): number => {
    const size = entry?.borderBoxSize?.[0]?.blockSize ?? (el as HTMLElement).offsetHeight
    return size > 0 ? Math.round(size) : opts.estimate
  }
  const virtualizer = useVirtualizer<HTMLElement, Element>(
    computed(() => {
      const items = opts.items()
      return {
        count: items.length,
        getScrollElement: () => opts.scroller.value,
        estimateSize: () => opts.estimate,
        getItemKey: (i: number) => (items[i] ? opts.key(items[i]) : i),
        paddingStart: opts.header,
        overscan: 6,
        // Rows render in the first paint, before the scroller has been measured.
        initialRect: { width: 0, height: window.innerHeight },
        observeElementRect: observeRect,
        measureElement,
      }
    }),
  )
  const virtual = computed(() => virtualizer.value.getVirtualItems())
  const rows = computed(() => {
    const items = opts.items()
    return virtual.value.flatMap((v) => (items[v.index] === undefined ? [] : [{ item: items[v.index], index: v.index }]))
  })
  const padTop = computed(() => {
    const first = virtual.value[0]
    return first ? Math.max(0, first.start - opts.header) : 0
  })
  const padBottom = computed(() => {
    const last = virtual.value[virtual.value.length - 1]
    return last ? Math.max(0, virtualizer.value.getTotalSize() - last.end) : 0
  })
  function measure(el: unknown): void {
    if (el instanceof Element) virtualizer.value.measureElement(el)
  }
  function scrollToIndex(index: number): void {
    virtualizer.value.scrollToIndex(index, { align: 'center' })
  }
  return { rows, padTop, padBottom, measure, scrollToIndex }
}
