/** Words of the results and comparison pages: the catalogue's results area (app/domain/messages). */
export { results as resultsUi } from "../../domain/messages/areas/results";
