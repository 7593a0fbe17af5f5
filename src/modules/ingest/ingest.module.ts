import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { ForecastModule } from 'src/modules/forecast/forecast.module';
import { OrgModule } from 'src/modules/org/org.module';
import { QueuesModule } from 'src/modules/queues/queues.module';
import { CustomerKeyHasher } from './customer-key';
import { FactController } from './fact.controller';
import { FactRepository } from './fact.repository';
import { FactService } from './fact.service';
import { GeneratedHistoryImport } from './generated-history.service';
import { ImportController } from './import.controller';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';
import { ImportTemplates } from './import-templates';
import { DiscardUploadOnError, uploadOptions } from './import-upload';
import { UploadChunkRepository } from './upload-chunk.repository';
import { UploadFolder } from './upload-folder';
import { UploadStore } from './upload-store';
import { UploadUseReads } from './upload-use.reads';
import { VolumePushController } from './volume-push.controller';

/** The operational facts (volume, sessions, orders, ratings, agent states), imported from files or JSON. */
@Module({
  imports: [
    OrgModule,
    QueuesModule,
    ForecastModule,
    MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => uploadOptions(config) }),
  ],
  controllers: [ImportController, VolumePushController, FactController],
  providers: [
    UploadFolder,
    UploadStore,
    UploadChunkRepository,
    UploadUseReads,
    DiscardUploadOnError,
    GeneratedHistoryImport,
    ImportRepository,
    ImportService,
    ImportTemplates,
    CustomerKeyHasher,
    FactRepository,
    FactService,
  ],
  exports: [CustomerKeyHasher, GeneratedHistoryImport, UploadStore, ImportService],
})
export class IngestModule {}
