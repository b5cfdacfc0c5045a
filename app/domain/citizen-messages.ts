/** Messages a citizen may see about their code: the catalogue's code area (app/domain/messages). */
export { code as codeMessages } from "./messages/areas/citizen";
