import { Module } from '@nestjs/common';
import { NotificationModule } from 'src/modules/notification/notification.module';
import { OrgModule } from 'src/modules/org/org.module';
import { SelfServiceModule } from 'src/modules/self-service/self-service.module';
import { ShiftSwapController } from './shift-swap.controller';
import { ShiftSwapRepository } from './shift-swap.repository';
import { ShiftSwapService } from './shift-swap.service';

/** Shift swaps between team mates: offer, take or trade back, rules checked, supervisor's decision, published. */
@Module({
  imports: [OrgModule, SelfServiceModule, NotificationModule],
  controllers: [ShiftSwapController],
  providers: [ShiftSwapRepository, ShiftSwapService],
})
export class ShiftSwapModule {}
