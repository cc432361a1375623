import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteHeader } from "@/components/layout/site-header";
import { getSessionActor } from "@/lib/auth/server/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ClaimDesk", template: "%s · ClaimDesk" },
  description: "Collaborative fact-checking: mark claims, label them, link evidence, verify, export.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: it carries a fresh CSP nonce and the visitor's session.
  await connection();
  const actor = await getSessionActor();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers>
          <SiteHeader actor={actor} />
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
