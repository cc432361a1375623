/** Only paths of this site, never another origin, are followed after sign-in. */
export function safeCallbackPath(callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") && !callbackUrl.startsWith("/\\")
    ? callbackUrl
    : "/workspaces";
}
