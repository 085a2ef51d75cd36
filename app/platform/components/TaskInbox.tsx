import type { Task } from "../../../src/platform/tasks";
import { formatDate } from "../format";
import { countOf, sentenceCase } from "../format";

/**
 * What waits for the person in every module, the most urgent first, each task linking to
 * the page where it is done.
 */
export function TaskInbox({ tasks }: { tasks: Task[] }) {
  return (
    <section aria-labelledby="taches">
      <h2 id="taches">Mes tâches</h2>
      {tasks.length === 0 ? (
        <p>Rien n'attend votre action pour le moment.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>
              {sentenceCase(`${countOf(tasks.length, "tâche", "tâches", "f")} en attente`)}
            </caption>
            <thead>
              <tr>
                <th scope="col">À faire</th>
                <th scope="col">Objet</th>
                <th scope="col">Concerne</th>
                <th scope="col">Rubrique</th>
                <th scope="col">Échéance</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={`${task.href}-${task.action}-${task.detail}`}>
                  <td>{task.action}</td>
                  <td>
                    <a href={task.href}>{task.title}</a>
                  </td>
                  <td>{task.detail}</td>
                  <td>{task.module}</td>
                  <td>{task.dueOn ? formatDate(task.dueOn, "longDate") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
