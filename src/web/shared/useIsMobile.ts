import { Grid } from 'antd'

/** True below antd's `lg` breakpoint (992px): phones and small tablets. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint()
  // before the first measurement every breakpoint is undefined: guess from the window
  if (screens.lg === undefined) return typeof window !== 'undefined' && window.innerWidth < 992
  return !screens.lg
}

/** True below antd's `md` breakpoint (768px): phones. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint()
  if (screens.md === undefined) return typeof window !== 'undefined' && window.innerWidth < 768
  return !screens.md
}
