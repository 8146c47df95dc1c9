import { getCurrentUser } from "@/lib/doors/auth/session";
import { redirect } from "next/navigation";

export default async function HomePage() {
  redirect((await getCurrentUser()) ? "/apps" : "/sign-in");
}
