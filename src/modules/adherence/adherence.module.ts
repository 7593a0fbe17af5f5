import { Module } from '@nestjs/common';
import { IngestModule } from 'src/modules/ingest/ingest.module';
import { AgentStateController } from './agent-state.controller';

/** Agent states from the chat workbench, and adherence to the published roster (engine/adherence.ts). */
@Module({
  imports: [IngestModule],
  controllers: [AgentStateController],
})
export class AdherenceModule {}
