import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../../platform/auth/passwords";
import { checkboxField, emailField } from "../../platform/validation";

const password = z
  .string({ message: "Le mot de passe est obligatoire." })
  .min(1, "Le mot de passe est obligatoire.");

const newPassword = z
  .string({ message: "Le nouveau mot de passe est obligatoire." })
  .min(
    MIN_PASSWORD_LENGTH,
    `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  )
  .max(200, "Le mot de passe doit contenir au plus 200 caractères.");

const newPasswordFields = {
  password: newPassword,
  confirmation: z.string({ message: "Confirmez le mot de passe." }),
};

/** The confirmation must repeat the new password; the message goes on the confirmation field. */
const confirmed = <T extends { password: string; confirmation: string }>(value: T) =>
  value.password === value.confirmation;
const confirmationMismatch = {
  path: ["confirmation"],
  message: "Les deux mots de passe ne sont pas identiques.",
};

export const signInSchema = z.object({ email: emailField(), password });

export const passwordResetRequestSchema = z.object({ email: emailField() });

export const passwordResetSchema = z
  .object({
    token: z.string().min(1, "Le lien de réinitialisation est incomplet."),
    ...newPasswordFields,
  })
  .refine(confirmed, confirmationMismatch);

export const invitationSchema = z.object({
  organisationId: z.coerce.number().int().positive("Organisation inconnue."),
  email: emailField("L'adresse électronique de la personne invitée"),
  asAdmin: checkboxField("Administrateur"),
});

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(1, "Le lien d'invitation est incomplet."),
    displayName: z
      .string({ message: "Le prénom et le nom sont obligatoires." })
      .trim()
      .min(2, "Le prénom et le nom sont obligatoires (2 caractères au moins).")
      .max(120, "Le prénom et le nom doivent tenir en 120 caractères."),
    ...newPasswordFields,
  })
  .refine(confirmed, confirmationMismatch);
