/** What a clerk or supervisor is told about a paper form: the catalogue's paperEntry area (app/domain/messages). */
export { paperEntry as entryMessages } from "../messages/areas/paper-entry";
