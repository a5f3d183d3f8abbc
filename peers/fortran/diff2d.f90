! diff2d.f90: jhpc's Fortran peer of the tutorial's 2-D diffusion program (written for jhpc's benchmark).
! Same parameters, grid, initial condition and operation order as peers/python/diff2d.py and peers/cpp/diff2d.cpp:
! the slides' two sweeps (the Laplacian into its own grid, then the update), the fields swapped each step, the
! simulation time (dt added once per step) printed every nper steps as Python's print(float) prints it.
! Storage is column-major with the slides' column index j first, a(j, i), so memory order is the C peer's a[i*n+j]
! and --save writes a C-order .npy identical in layout to the other peers'.
! Build: gfortran -O3 -march=native -o diff2d_f90 diff2d.f90
! Usage: diff2d_f90 [--params FILE] [--set name=value]... [--kernel two] [--save FILE.npy]
! stderr, last line: compute_seconds=<s> (the time-stepping sweeps only, as the C++ peer times them)
program diff2d
  implicit none
  integer, parameter :: dp = kind(1.0d0)
  real(dp) :: d = 1.0_dp, x1 = -10.0_dp, x2 = 10.0_dp, runtime = 15.0_dp, dx = 0.1_dp, outtime = 0.5_dp
  real(dp), allocatable, target :: a(:, :), b(:, :)
  real(dp), allocatable :: lapl(:, :), prof(:)
  real(dp), pointer :: cur(:, :), nxt(:, :), tmp(:, :)
  real(dp) :: dt, coef, simtime, x, secs
  integer :: nrows, n, i, j, narg, k
  integer(8) :: nsteps, nper, s, c0, c1, rate
  character(4096) :: arg, save
  character(16) :: kernel

  save = ''
  kernel = 'two'
  narg = command_argument_count()
  k = 1
  do while (k <= narg)
    call get_command_argument(k, arg)
    if (trim(arg) == '--params' .and. k < narg) then
      call get_command_argument(k + 1, arg)
      call read_params(trim(arg))
    else if (trim(arg) == '--set' .and. k < narg) then
      call get_command_argument(k + 1, arg)
      call assign(trim(arg))
    else if (trim(arg) == '--kernel' .and. k < narg) then
      call get_command_argument(k + 1, kernel)
      if (trim(kernel) /= 'two') call usage()
    else if (trim(arg) == '--save' .and. k < narg) then
      call get_command_argument(k + 1, save)
    else
      call usage()
    end if
    k = k + 2
  end do

  nrows = int((x2 - x1) / dx)
  n = nrows + 2
  dx = (x2 - x1) / nrows
  dt = 0.25_dp * (dx * dx) / d
  nsteps = int(runtime / dt, 8)
  nper = int(outtime / dt, 8)
  if (nper == 0) nper = 1
  coef = (d / (dx * dx)) * dt
  allocate (a(n, n), b(n, n), lapl(n, n), prof(n))
  a = 0; b = 0; lapl = 0; prof = 0
  do i = 2, n - 1
    x = x1 + ((i - 2) * (x2 - x1)) / nrows
    prof(i) = 1 - abs(1 - 4 * abs((x - (x1 + x2) / 2) / (x2 - x1)))
  end do
  do i = 2, n - 1
    do j = 2, n - 1
      a(j, i) = prof(i) * prof(j)
    end do
  end do
  cur => a
  nxt => b
  simtime = 0 * dt
  call print_time(simtime)
  secs = 0
  call system_clock(count_rate=rate)
  do s = 0, nsteps - 1
    call system_clock(c0)
    do i = 2, n - 1
      do j = 2, n - 1
        lapl(j, i) = cur(j, i + 1) + cur(j, i - 1) + cur(j + 1, i) + cur(j - 1, i) - 4 * cur(j, i)
      end do
    end do
    do i = 2, n - 1
      do j = 2, n - 1
        nxt(j, i) = cur(j, i) + coef * lapl(j, i)
      end do
    end do
    call system_clock(c1)
    secs = secs + real(c1 - c0, dp) / rate
    tmp => cur
    cur => nxt
    nxt => tmp
    simtime = simtime + dt
    if (mod(s + 1, nper) == 0) call print_time(simtime)
  end do
  if (len_trim(save) > 0) call write_npy(trim(save), cur, n)
  write (arg, '(f24.9)') secs
  write (0, '(a)') 'compute_seconds=' // trim(adjustl(arg))

contains

  subroutine usage()
    write (0, '(a)') 'usage: diff2d_f90 [--params F] [--set n=v] [--kernel two] [--save F.npy]'
    stop 2
  end subroutine usage

  subroutine read_params(path)
    character(*), intent(in) :: path
    character(4096) :: line
    integer :: u, ios, h, p
    open (newunit=u, file=path, status='old', action='read', iostat=ios)
    if (ios /= 0) then
      write (0, '(a)') 'diff2d_f90: cannot read ' // path
      stop 2
    end if
    do
      read (u, '(a)', iostat=ios) line
      if (ios /= 0) exit
      h = index(line, '#')
      if (h > 0) line = line(1:h - 1)
      do
        p = index(line, ';')
        if (p == 0) exit
        call assign(line(1:p - 1))
        line = line(p + 1:)
      end do
      call assign(line)
    end do
    close (u)
  end subroutine read_params

  ! One statement "name = value"; blank statements and the graphics switch are ignored, like the other peers.
  subroutine assign(stmt)
    character(*), intent(in) :: stmt
    character(64) :: name
    real(dp) :: v
    integer :: eq, ios
    eq = index(stmt, '=')
    if (eq == 0) return
    name = adjustl(stmt(1:eq - 1))
    if (trim(name) == 'graphics') return
    read (stmt(eq + 1:), *, iostat=ios) v
    if (ios /= 0) then
      write (0, '(a)') 'diff2d_f90: bad value in ' // trim(stmt)
      stop 2
    end if
    select case (trim(name))
    case ('D'); d = v
    case ('x1'); x1 = v
    case ('x2'); x2 = v
    case ('runtime'); runtime = v
    case ('dx'); dx = v
    case ('outtime'); outtime = v
    case default
      write (0, '(a)') 'unknown parameter ' // trim(name)
      stop 2
    end select
  end subroutine assign

  ! Python's repr(float): the fewest significant digits that read back as v, in fixed notation when the decimal
  ! exponent e (v = d.ddd x 10^e) is in [-4, 15], else as d.ddde+XX.
  subroutine print_time(v)
    real(dp), intent(in) :: v
    character(40) :: buf, fmt
    character(20) :: digits
    character(64) :: out
    real(dp) :: back
    integer :: p, epos, e, ios, nd, decpt
    if (v == 0) then
      write (*, '(a)') '0.0'
      flush (6)
      return
    end if
    do p = 1, 17
      write (fmt, '(a, i0, a, i0, a)') '(es', p + 8, '.', p - 1, 'e3)'
      write (buf, fmt) abs(v)
      read (buf, *) back
      if (back == abs(v)) exit
    end do
    buf = adjustl(buf)
    epos = index(buf, 'E')
    read (buf(epos + 1:), *, iostat=ios) e
    digits = ''
    nd = 0
    do p = 1, epos - 1
      if (buf(p:p) /= '.') then
        nd = nd + 1
        digits(nd:nd) = buf(p:p)
      end if
    end do
    do while (nd > 1 .and. digits(nd:nd) == '0')
      nd = nd - 1
    end do
    decpt = e + 1
    if (decpt > -4 .and. decpt <= 16) then
      if (decpt <= 0) then
        out = '0.' // repeat('0', -decpt) // digits(1:nd)
      else if (decpt >= nd) then
        out = digits(1:nd) // repeat('0', decpt - nd) // '.0'
      else
        out = digits(1:decpt) // '.' // digits(decpt + 1:nd)
      end if
    else
      out = digits(1:1)
      if (nd > 1) out = trim(out) // '.' // digits(2:nd)
      write (buf, '(a, sp, i3.2)') 'e', e
      out = trim(out) // trim(buf)
    end if
    if (v < 0) out = '-' // trim(out)
    write (*, '(a)') trim(out)
    flush (6)
  end subroutine print_time

  ! A version-1.0 .npy of the n x n field in C order (row i of the slides' grid is column i here).
  subroutine write_npy(path, f, n)
    character(*), intent(in) :: path
    real(dp), intent(in) :: f(:, :)
    integer, intent(in) :: n
    character(:), allocatable :: dict
    character(32) :: ns
    integer :: u, total, hl
    write (ns, '(i0)') n
    dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" // trim(ns) // ", " // trim(ns) // "), }"
    total = (10 + len(dict) + 1 + 63) / 64 * 64
    dict = dict // repeat(' ', total - 10 - len(dict) - 1) // achar(10)
    hl = len(dict)
    open (newunit=u, file=path, access='stream', form='unformatted', status='replace', action='write')
    write (u) char(147) // 'NUMPY' // char(1) // char(0) // char(iand(hl, 255)) // char(ishft(hl, -8))
    write (u) dict
    write (u) f
    close (u)
  end subroutine write_npy
end program diff2d
