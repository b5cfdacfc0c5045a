/** Words of the staff pages: the catalogue's staff area (app/domain/messages). */
export { staff as staffUi } from "./domain/messages/areas/staff";
