import { z } from "zod";
import { IdSchema } from "@/lib/http/text.schemas";

export const LiveEventsQuerySchema = z.object({
  passageId: IdSchema.optional().describe("Also report who has this passage open"),
});
