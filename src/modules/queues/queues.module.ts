import { Module } from '@nestjs/common';
import { QueueController } from './queue.controller';
import { QueueVolumeReads } from './queue-volume.reads';
import { QueueRepository } from './queue.repository';
import { QueueService } from './queue.service';

/** A shop's queues: channel, kind, service targets, chat concurrency and slowdown. Organisation, read by staffing, rosters and training. */
@Module({
  controllers: [QueueController],
  providers: [QueueRepository, QueueVolumeReads, QueueService],
  exports: [QueueService],
})
export class QueuesModule {}
