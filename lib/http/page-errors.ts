import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";

/** Runs a use case for a page; a missing or foreign item becomes the not-found page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "gone")) notFound();
    throw error;
  }
}
