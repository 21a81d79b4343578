import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { nullable: true, unique: true })
  email: string | null;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('uuid', { name: 'team_id', nullable: true })
  teamId: string | null;

  @Column('uuid', { name: 'manager_id', nullable: true })
  managerId: string | null;

  @Column('text', { name: 'github_login', nullable: true })
  githubLogin: string | null;

  @Column('text')
  source: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
