import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { api, ApiError, setPasswordExpiredHandler, setUnauthorizedHandler } from './api/client'
import { metaKey } from './meta'

/** The signed-in staff member, as GET /api/auth/me answers. */
export interface Me {
  id: string
  username: string
  displayName: string
  regionCode: string
  regionName: string
  orgId: string
  orgName: string
  roles: string[]
  permissions: string[]
  /**
   * The password is older than the policy allows: every call but me, the password change and
   * sign-out answers 403 password_expired until it is changed. Optional until every server sends it.
   */
  passwordExpired?: boolean
}

/** 我的账号: the one workbench page open to an account whose password has expired. */
export const ACCOUNT_PAGE = '/workbench/account'

export type Permission =
  | 'region.read'
  | 'org.read'
  | 'org.manage'
  | 'staff.read'
  | 'staff.manage'
  | 'staff.assign_roles'
  | 'staff.unlock'
  | 'token.manage'
  | 'audit.read'
  | 'calendar.manage'
  | 'catalog.read'
  | 'catalog.edit'
  | 'law.read'
  | 'law.edit'
  | 'pii.read'
  | 'hotline.read'
  | 'hotline.intake'
  | 'hotline.dispatch'
  | 'hotline.handle'
  | 'hotline.approve'
  | 'hotline.supervise'
  | 'hotline.callback'
  | 'knowledge.read'
  | 'knowledge.edit'
  | 'knowledge.review'

/** Why the login page was reached, carried in the router state. */
export interface LoginState {
  from?: string
  reason?: 'expired' | 'logged_out'
}

interface Auth {
  me: Me | null
  loading: boolean
  /** Why "who am I" failed, other than "nobody" (network, server down). */
  error: unknown
  retry: () => void
  /** Why the last session ended in this tab, for the login page: signed out, or expired. */
  exitReason: () => LoginState['reason']
  can: (permission: Permission) => boolean
  login: (username: string, password: string) => Promise<Me>
  logout: () => Promise<void>
}

const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside AuthProvider')
  return value
}

export const meKey = ['auth', 'me'] as const

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** Answers that belong to no user: who is signed in, and the installation (GET /api/meta). */
const keptKeys = new Set<unknown>([meKey[0], metaKey[0]])

/** Drops every cached answer of the previous user and records who is signed in now. */
function forgetAll(queryClient: QueryClient, me: Me | null): void {
  queryClient.cancelQueries({ predicate: (query) => !keptKeys.has(query.queryKey[0]) })
  queryClient.removeQueries({ predicate: (query) => !keptKeys.has(query.queryKey[0]) })
  queryClient.setQueryData(meKey, me)
}

/**
 * Who is signed in. Any 401 from the API while signed in means the session ended: the cache is
 * dropped, and RequireAuth sends the user to /login with 登录已过期, to come back to the same
 * page afterwards.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const location = useLocation()
  // The public portal does not need to know who is signed in: ask only inside the staff area.
  const staffArea = location.pathname === '/login' || location.pathname.startsWith('/workbench')
  const meQuery = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1, enabled: staffArea })
  const me = meQuery.data ?? null

  // Set before the account is forgotten, so that RequireAuth, redirecting to /login when the
  // account disappears, can tell the login page why.
  const exitReason = useRef<LoginState['reason']>(undefined)

  // The handler reads the latest account through a ref so that it is installed once.
  const latest = useRef(me)
  latest.current = me

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!latest.current) return
      exitReason.current = 'expired'
      forgetAll(queryClient, null)
    })
    // A call refused with password_expired (the password aged while signed in, or the sign-in
    // answer did not say): mark the account, and RequireAuth keeps the user on the account page.
    setPasswordExpiredHandler(() => {
      const current = latest.current
      if (!current || current.passwordExpired) return
      const expired: Me = { ...current, passwordExpired: true }
      queryClient.setQueryData<Me | null>(meKey, expired)
    })
    return () => {
      setUnauthorizedHandler(null)
      setPasswordExpiredHandler(null)
    }
  }, [queryClient])

  const login = useCallback(
    async (username: string, password: string) => {
      const signedIn = await api.post<Me>('/api/auth/login', { username, password })
      exitReason.current = undefined
      forgetAll(queryClient, signedIn)
      return signedIn
    },
    [queryClient],
  )

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout')
    } finally {
      exitReason.current = 'logged_out'
      forgetAll(queryClient, null)
    }
  }, [queryClient])

  const value = useMemo<Auth>(
    () => ({
      me,
      loading: meQuery.isPending,
      error: meQuery.error,
      retry: () => void meQuery.refetch(),
      exitReason: () => exitReason.current,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      login,
      logout,
    }),
    [me, meQuery.isPending, meQuery.error, meQuery.refetch, login, logout],
  )

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
