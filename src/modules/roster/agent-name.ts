/** How a roster's texts name an agent: by name and employee number, never by id alone. */
export type AgentName = { id: string; employeeNo: string; name: string; teamId: string | null };
