import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EndpointDeviceRepository } from './endpoint-device.repository';
import { EndpointsController } from './endpoints.controller';
import { EndpointsService } from './endpoints.service';
import { EndpointDeviceEntity } from './entities/endpoint-device.entity';

@Module({
  imports: [TypeOrmModule.forFeature([EndpointDeviceEntity])],
  controllers: [EndpointsController],
  providers: [EndpointDeviceRepository, EndpointsService],
  exports: [EndpointsService],
})
export class EndpointsModule {}
