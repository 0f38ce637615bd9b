import { useEffect, useState } from 'react'

/**
 * `value`, once it has stopped changing for `ms`: typing asks the server once per pause, not per key.
 * The one debounce hook of the web app; debounce a value once, where it is read, and pass the settled value on.
 */
export function useDebouncedValue<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
