/** What the sign-in page and Settings → Account say for next-auth's and our `?error=` codes. */
export const SIGN_IN_ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is incorrect.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  OAuthEmailTaken:
    "An account with this email already exists. Sign in with your email and password, then connect this provider in Settings → Account → Connected accounts.",
  OAuthEmailUnverified:
    "The provider did not confirm that this email address is verified. Verify it with the provider, or sign up with email and password.",
  OAuthNoEmail: "The provider did not share an email address. Sign up with email and password instead.",
  OAuthLinkedElsewhere: "This provider account is already connected to another ClaimDesk account.",
  OAuthProviderAlreadyLinked: "Your account is already connected to another account of this provider. Disconnect it first.",
  OAuthAccountNotLinked: "This email already signs in another way. Use the method you used before.",
};

/** The message for an error code; a rate limit names its wait when the answer gave it (`retryAfter` seconds in its URL). */
export function signInErrorMessage(code: string, answerUrl?: string | null): string {
  if (code === "RateLimited" && answerUrl) {
    const seconds = Number(new URL(answerUrl, "http://localhost").searchParams.get("retryAfter"));
    if (Number.isFinite(seconds) && seconds > 0) {
      const minutes = Math.ceil(seconds / 60);
      return `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
    }
  }
  return SIGN_IN_ERROR_MESSAGES[code] ?? "Sign-in failed. Try again.";
}
