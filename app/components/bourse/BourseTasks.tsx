import { formatDate } from "../../lib/format";

interface Task {
  action: string;
  title: string;
  href: string;
  detail: string;
  dueOn: string | null;
}

/** The reader's pending Bourse tasks, each linking to the page where it is done. */
export function BourseTasks({ tasks }: { tasks: Task[] }) {
  return (
    <section aria-labelledby="taches-bourse">
      <h2 id="taches-bourse">Mes tâches – Bourse-partenariats</h2>
      {tasks.length === 0 ? (
        <p>Aucune demande ni offre n'attend votre action.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>{`${tasks.length} tâche${tasks.length > 1 ? "s" : ""} en attente`}</caption>
            <thead>
              <tr>
                <th scope="col">À faire</th>
                <th scope="col">Demande ou offre</th>
                <th scope="col">Concerne</th>
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
