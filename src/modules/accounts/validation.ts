import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../../platform/auth/passwords";
import { checkboxField, emailField, whenFieldsParsed } from "../../platform/validation";
import { type PersonFunction, personFunctionLabels, personFunctions } from "./codes";

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

export const displayNameField = z
  .string({ message: "Le prénom et le nom sont obligatoires." })
  .trim()
  .min(2, "Le prénom et le nom sont obligatoires (2 caractères au moins).")
  .max(120, "Le prénom et le nom doivent tenir en 120 caractères.");

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
    displayName: displayNameField,
    ...newPasswordFields,
  })
  .refine(confirmed, confirmationMismatch);

/** The function a person holds: one of the list, or "autre" with its wording. */
export const personFunctionFields = {
  personFunction: z.enum(personFunctions, {
    message: "Choisissez votre fonction dans la liste, ou « Autre fonction ».",
  }),
  functionOther: z
    .string()
    .trim()
    .max(100, "La fonction est trop longue (100 caractères au plus).")
    .default(""),
};

/** "Autre fonction" needs its wording, asked on its own field. */
export const functionStated: [
  (input: { personFunction: PersonFunction; functionOther: string }) => boolean,
  { path: string[]; message: string; when: ReturnType<typeof whenFieldsParsed> },
] = [
  (input) => input.personFunction !== "autre" || input.functionOther.length > 0,
  {
    path: ["functionOther"],
    message: "Précisez votre fonction.",
    when: whenFieldsParsed("personFunction", "functionOther"),
  },
];

/** The function as the members list shows it. */
export const jobTitleOf = (input: { personFunction: PersonFunction; functionOther: string }) =>
  input.personFunction === "autre"
    ? input.functionOther
    : personFunctionLabels[input.personFunction];

/** The function's choice behind a stored job title, to fill the form again. */
export function functionChoiceOf(jobTitle: string | null): {
  personFunction: PersonFunction | "";
  functionOther: string;
} {
  if (!jobTitle) return { personFunction: "", functionOther: "" };
  const listed = personFunctions.find((code) => personFunctionLabels[code] === jobTitle);
  return listed
    ? { personFunction: listed, functionOther: "" }
    : { personFunction: "autre", functionOther: jobTitle };
}

export const profileSchema = z
  .object({ displayName: displayNameField, ...personFunctionFields })
  .refine(...functionStated);

export const passwordChangeSchema = z
  .object({ currentPassword: password, ...newPasswordFields })
  .refine(confirmed, confirmationMismatch);

export const emailChangeSchema = z.object({
  newEmail: emailField("La nouvelle adresse électronique"),
  currentPassword: z.string().default(""),
});

export const closeAccountSchema = z.object({
  currentPassword: z.string().default(""),
  understood: checkboxField("La confirmation").refine((value) => value, {
    message: "Cochez la case pour confirmer la fermeture de votre compte.",
  }),
});
